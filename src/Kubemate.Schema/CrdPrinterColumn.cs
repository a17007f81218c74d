namespace Kubemate.Schema;

/// <summary>An <c>additionalPrinterColumns</c> entry, shown by <c>kubectl get</c>.</summary>
public sealed record CrdPrinterColumn(string Name, string Type, string? Format, string? Description, int Priority, string JsonPath);
