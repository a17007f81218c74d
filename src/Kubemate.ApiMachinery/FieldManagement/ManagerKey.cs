namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>The identity of a managedFields entry (API version only for Update entries).</summary>
internal readonly record struct ManagerKey(string Manager, string Operation, string? ApiVersion, string Subresource);
