namespace Kubemate.Cluster.Discovery;

/// <summary>A kind independent of its version, e.g. <c>gateway.networking.k8s.io/HTTPRoute</c>.</summary>
public sealed record GroupKind(string Group, string Kind)
{
    public override string ToString() => Group.Length == 0 ? Kind : $"{Kind}.{Group}";
}
