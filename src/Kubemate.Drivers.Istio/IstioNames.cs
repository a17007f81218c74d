namespace Kubemate.Drivers.Istio;

/// <summary>The Istio API groups, versions, labels and annotations the driver reads and writes.</summary>
internal static class IstioNames
{
    public const string Family = "istio";

    public const string NetworkingGroup = "networking.istio.io";
    public const string NetworkingV1 = "networking.istio.io/v1";
    public const string SecurityGroup = "security.istio.io";
    public const string SecurityV1 = "security.istio.io/v1";

    public const string NamespaceInjectionLabel = "istio-injection";
    public const string PodInjectionLabel = "sidecar.istio.io/inject";
    public const string ExcludeOutboundPorts = "traffic.sidecar.istio.io/excludeOutboundPorts";
    public const string ExcludeInboundPorts = "traffic.sidecar.istio.io/excludeInboundPorts";

    /// <summary>The namespace-wide PeerAuthentication, and the empty ALLOW policy that denies what nothing else allows.</summary>
    public const string NamespacePeerAuthentication = "default";
    public const string AllowNothingPolicy = "allow-nothing";

    public const string DefaultTrustDomain = "cluster.local";
}
