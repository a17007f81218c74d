namespace Kubemate.Sandbox.Simulation.Injection.Istio;

/// <summary>
/// The istiod sidecar-injector values the sandbox renders Istio sidecars from (Helm values of <c>istiod</c>:
/// <c>global.hub</c>, <c>global.tag</c>, <c>global.proxy.*</c>). Pod annotations override some of them per pod.
/// </summary>
public sealed record IstioInjectorConfig
{
    public string Hub { get; init; } = "docker.io/istio";

    public string Tag { get; init; } = "1.24.3";

    public string ProxyImageName { get; init; } = "proxyv2";

    public string IstioNamespace { get; init; } = "istio-system";

    /// <summary>Control-plane revision; "default" is the unrevisioned istiod.</summary>
    public string Revision { get; init; } = "default";

    public string ClusterDomain { get; init; } = "cluster.local";

    public string TrustDomain { get; init; } = "cluster.local";

    public string ClusterId { get; init; } = "Kubernetes";

    public string MeshId { get; init; } = "cluster.local";

    public string ImagePullPolicy { get; init; } = "IfNotPresent";

    /// <summary>REDIRECT, TPROXY or NONE (no traffic capture, so no istio-init).</summary>
    public string InterceptionMode { get; init; } = "REDIRECT";

    public string IncludeOutboundIPRanges { get; init; } = "*";

    public string ExcludeOutboundIPRanges { get; init; } = "";

    public string IncludeInboundPorts { get; init; } = "*";

    public string ExcludeInboundPorts { get; init; } = "";

    public string ExcludeOutboundPorts { get; init; } = "";

    public string ProxyLogLevel { get; init; } = "warning";

    public string ProxyComponentLogLevel { get; init; } = "misc:error";

    public int StatusPort { get; init; } = 15021;

    public string CpuRequest { get; init; } = "100m";

    public string MemoryRequest { get; init; } = "128Mi";

    public string CpuLimit { get; init; } = "2000m";

    public string MemoryLimit { get; init; } = "1024Mi";

    /// <summary>Start istio-proxy first and hold the application containers until it is ready.</summary>
    public bool HoldApplicationUntilProxyStarts { get; init; }

    internal string ProxyImage => $"{Hub}/{ProxyImageName}:{Tag}";

    internal string CaAddress => Revision is "" or "default"
        ? $"istiod.{IstioNamespace}.svc:15012"
        : $"istiod-{Revision}.{IstioNamespace}.svc:15012";
}
