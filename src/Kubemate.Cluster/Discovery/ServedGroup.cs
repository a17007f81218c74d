namespace Kubemate.Cluster.Discovery;

/// <summary>An API group and the versions the server serves, preferred first.</summary>
public sealed record ServedGroup(string Name, IReadOnlyList<string> Versions);
