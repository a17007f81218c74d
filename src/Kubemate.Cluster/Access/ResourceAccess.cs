namespace Kubemate.Cluster.Access;

/// <summary>
/// One "may I?" question about a resource: <paramref name="Group"/> "" is the core group; a null
/// <paramref name="Namespace"/> asks about every namespace (or a cluster-scoped resource).
/// </summary>
public sealed record ResourceAccess(string Verb, string Group, string Resource, string? Namespace = null, string? Name = null);
