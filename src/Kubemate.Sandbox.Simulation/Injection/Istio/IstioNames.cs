namespace Kubemate.Sandbox.Simulation.Injection.Istio;

/// <summary>The labels, annotations and container names Istio's sidecar injector reads and writes.</summary>
public static class IstioNames
{
    public const string NamespaceInjectionLabel = "istio-injection";
    public const string RevisionLabel = "istio.io/rev";
    public const string InjectLabel = "sidecar.istio.io/inject";
    public const string StatusAnnotation = "sidecar.istio.io/status";

    public const string TlsModeLabel = "security.istio.io/tlsMode";
    public const string CanonicalNameLabel = "service.istio.io/canonical-name";
    public const string CanonicalRevisionLabel = "service.istio.io/canonical-revision";

    public const string ProxyImageAnnotation = "sidecar.istio.io/proxyImage";
    public const string LogLevelAnnotation = "sidecar.istio.io/logLevel";
    public const string ComponentLogLevelAnnotation = "sidecar.istio.io/componentLogLevel";
    public const string InterceptionModeAnnotation = "sidecar.istio.io/interceptionMode";
    public const string ProxyCpuAnnotation = "sidecar.istio.io/proxyCPU";
    public const string ProxyMemoryAnnotation = "sidecar.istio.io/proxyMemory";
    public const string ProxyCpuLimitAnnotation = "sidecar.istio.io/proxyCPULimit";
    public const string ProxyMemoryLimitAnnotation = "sidecar.istio.io/proxyMemoryLimit";
    public const string IncludeOutboundIPRangesAnnotation = "traffic.sidecar.istio.io/includeOutboundIPRanges";
    public const string ExcludeOutboundIPRangesAnnotation = "traffic.sidecar.istio.io/excludeOutboundIPRanges";
    public const string IncludeInboundPortsAnnotation = "traffic.sidecar.istio.io/includeInboundPorts";
    public const string ExcludeInboundPortsAnnotation = "traffic.sidecar.istio.io/excludeInboundPorts";
    public const string ExcludeOutboundPortsAnnotation = "traffic.sidecar.istio.io/excludeOutboundPorts";

    public const string ProxyContainer = "istio-proxy";
    public const string InitContainer = "istio-init";

    /// <summary>Namespaces the injector never touches.</summary>
    public static readonly IReadOnlySet<string> IgnoredNamespaces = new HashSet<string>(StringComparer.Ordinal) { "kube-system", "kube-public" };
}
