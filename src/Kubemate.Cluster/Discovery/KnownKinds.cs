namespace Kubemate.Cluster.Discovery;

/// <summary>The kinds the console reads often: workloads, and the mesh and gateway custom resources.</summary>
public static class KnownKinds
{
    public static readonly GroupKind Namespace = new("", "Namespace");
    public static readonly GroupKind Pod = new("", "Pod");
    public static readonly GroupKind Service = new("", "Service");
    public static readonly GroupKind Deployment = new("apps", "Deployment");
    public static readonly GroupKind StatefulSet = new("apps", "StatefulSet");
    public static readonly GroupKind DaemonSet = new("apps", "DaemonSet");

    public static readonly GroupKind GatewayHttpRoute = new("gateway.networking.k8s.io", "HTTPRoute");
    public static readonly GroupKind SmiTrafficSplit = new("split.smi-spec.io", "TrafficSplit");

    public static IReadOnlyList<GroupKind> Workloads { get; } = [Namespace, Deployment, StatefulSet, DaemonSet, Pod, Service];

    public static IReadOnlyList<GroupKind> MeshAndGateway { get; } =
    [
        GatewayHttpRoute,
        new("gateway.networking.k8s.io", "GRPCRoute"),
        new("gateway.networking.k8s.io", "Gateway"),
        SmiTrafficSplit,
        new("linkerd.io", "ServiceProfile"),
        new("policy.linkerd.io", "Server"),
        new("policy.linkerd.io", "AuthorizationPolicy"),
        new("policy.linkerd.io", "MeshTLSAuthentication"),
        new("policy.linkerd.io", "NetworkAuthentication"),
        new("policy.linkerd.io", "HTTPRoute"),
        new("traefik.io", "IngressRoute"),
        new("traefik.io", "Middleware"),
        new("traefik.io", "TraefikService"),
        new("networking.istio.io", "VirtualService"),
        new("networking.istio.io", "DestinationRule"),
        new("security.istio.io", "AuthorizationPolicy"),
        new("cert-manager.io", "Certificate"),
        new("cert-manager.io", "Issuer"),
        new("cert-manager.io", "ClusterIssuer"),
    ];
}
