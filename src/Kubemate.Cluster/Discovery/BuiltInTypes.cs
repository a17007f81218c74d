namespace Kubemate.Cluster.Discovery;

/// <summary>
/// The built-in kinds every conformant server serves at these versions, so reading them needs no discovery round
/// trip. Custom resources are found with <see cref="ApiDiscovery"/> or <see cref="InstalledKinds"/>.
/// </summary>
public static class BuiltInTypes
{
    public static readonly ResourceType Namespace = new("", "v1", "Namespace", "namespaces", false);
    public static readonly ResourceType Pod = new("", "v1", "Pod", "pods", true);
    public static readonly ResourceType Service = new("", "v1", "Service", "services", true);
    public static readonly ResourceType Secret = new("", "v1", "Secret", "secrets", true);
    public static readonly ResourceType ConfigMap = new("", "v1", "ConfigMap", "configmaps", true);
    public static readonly ResourceType Deployment = new("apps", "v1", "Deployment", "deployments", true);
    public static readonly ResourceType StatefulSet = new("apps", "v1", "StatefulSet", "statefulsets", true);
    public static readonly ResourceType DaemonSet = new("apps", "v1", "DaemonSet", "daemonsets", true);
    public static readonly ResourceType Event = new("", "v1", "Event", "events", true);
    public static readonly ResourceType Lease = new("coordination.k8s.io", "v1", "Lease", "leases", true);
    public static readonly ResourceType CustomResourceDefinition = new("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false);

    /// <summary>The pod controllers a rollout restarts.</summary>
    public static IReadOnlyList<ResourceType> Workloads { get; } = [Deployment, StatefulSet, DaemonSet];

    /// <summary>A pod controller by its kind in any case (<c>Deployment</c>, <c>deployment</c>), or null when it is not one.</summary>
    public static ResourceType? Workload(string kind) =>
        Workloads.FirstOrDefault(t => string.Equals(t.Kind, kind, StringComparison.OrdinalIgnoreCase));
}
