namespace Kubemate.Cluster.Discovery;

/// <summary>One served resource as discovery describes it, and the REST paths that reach it.</summary>
public sealed record ResourceType(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    private string Prefix => Group.Length == 0 ? $"api/{Version}" : $"apis/{Group}/{Version}";

    /// <summary>The collection; for a namespaced kind with no namespace, the list across all namespaces.</summary>
    public string CollectionPath(string? ns = null) =>
        Namespaced && !string.IsNullOrEmpty(ns) ? $"{Prefix}/namespaces/{Uri.EscapeDataString(ns)}/{Plural}" : $"{Prefix}/{Plural}";

    public string ObjectPath(string? ns, string name) => $"{CollectionPath(ns)}/{Uri.EscapeDataString(name)}";
}
