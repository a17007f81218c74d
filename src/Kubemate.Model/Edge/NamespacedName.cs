namespace Kubemate.Model.Edge;

/// <summary>The identity of a namespaced object, used to resolve references inside a configuration.</summary>
public readonly record struct NamespacedName(string Namespace, string Name)
{
    public override string ToString() => $"{Namespace}/{Name}";
}
