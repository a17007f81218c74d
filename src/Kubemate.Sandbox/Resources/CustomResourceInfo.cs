using Kubemate.Schema;

namespace Kubemate.Sandbox.Resources;

/// <summary>What a CRD says about one served version of its custom resource.</summary>
public sealed record CustomResourceInfo(
    string CrdName,
    string ListKind,
    StructuralSchema? Schema,
    System.Text.Json.Nodes.JsonObject? RawSchema,
    string? ScaleSpecReplicasPath,
    string? ScaleStatusReplicasPath,
    string? ScaleLabelSelectorPath,
    IReadOnlyList<PrinterColumn> PrinterColumns,
    bool IsStorageVersion);

/// <summary>An <c>additionalPrinterColumns</c> entry, for the Table output kubectl prints.</summary>
public sealed record PrinterColumn(string Name, string Type, string JsonPath, string? Format, string? Description, int Priority);
