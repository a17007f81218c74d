namespace Kubemate.Application.Namespaces;

/// <summary>The namespace a request names does not exist (or the user may not see it).</summary>
public sealed class NamespaceNotFoundException(string ns) : Exception($"namespace \"{ns}\" not found")
{
    public string Namespace { get; } = ns;
}
