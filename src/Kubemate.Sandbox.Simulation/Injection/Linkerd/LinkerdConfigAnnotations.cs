namespace Kubemate.Sandbox.Simulation.Injection.Linkerd;

/// <summary>The per-pod (or per-namespace) configuration annotations the proxy-injector honours.</summary>
public static class LinkerdConfigAnnotations
{
    private const string Prefix = "config.linkerd.io/";
    private const string AlphaPrefix = "config.alpha.linkerd.io/";
    private const string BetaPrefix = "config.beta.linkerd.io/";

    public const string ProxyImage = Prefix + "proxy-image";
    public const string ProxyVersion = Prefix + "proxy-version";
    public const string ImagePullPolicy = Prefix + "image-pull-policy";
    public const string InitImage = Prefix + "init-image";
    public const string InitImageVersion = Prefix + "init-image-version";
    public const string AdminPort = Prefix + "admin-port";
    public const string ControlPort = Prefix + "control-port";
    public const string InboundPort = Prefix + "inbound-port";
    public const string OutboundPort = Prefix + "outbound-port";
    public const string PodInboundPorts = Prefix + "pod-inbound-ports";
    public const string ProxyUid = Prefix + "proxy-uid";
    public const string ProxyGid = Prefix + "proxy-gid";
    public const string LogLevel = Prefix + "proxy-log-level";
    public const string LogFormat = Prefix + "proxy-log-format";
    public const string SkipInboundPorts = Prefix + "skip-inbound-ports";
    public const string SkipOutboundPorts = Prefix + "skip-outbound-ports";
    public const string SkipSubnets = Prefix + "skip-subnets";
    public const string OpaquePorts = Prefix + "opaque-ports";
    public const string CpuRequest = Prefix + "proxy-cpu-request";
    public const string CpuLimit = Prefix + "proxy-cpu-limit";
    public const string MemoryRequest = Prefix + "proxy-memory-request";
    public const string MemoryLimit = Prefix + "proxy-memory-limit";
    public const string EphemeralStorageRequest = Prefix + "proxy-ephemeral-storage-request";
    public const string EphemeralStorageLimit = Prefix + "proxy-ephemeral-storage-limit";
    public const string Await = Prefix + "proxy-await";
    public const string DefaultInboundPolicy = Prefix + "default-inbound-policy";
    public const string EnableExternalProfiles = Prefix + "enable-external-profiles";
    public const string EnableGateway = Prefix + "enable-gateway";
    public const string RequireIdentityOnInboundPorts = Prefix + "proxy-require-identity-inbound-ports";
    public const string OutboundConnectTimeout = Prefix + "proxy-outbound-connect-timeout";
    public const string InboundConnectTimeout = Prefix + "proxy-inbound-connect-timeout";
    public const string OutboundDiscoveryCacheUnusedTimeout = Prefix + "proxy-outbound-discovery-cache-unused-timeout";
    public const string InboundDiscoveryCacheUnusedTimeout = Prefix + "proxy-inbound-discovery-cache-unused-timeout";
    public const string DisableOutboundProtocolDetectTimeout = Prefix + "proxy-disable-outbound-protocol-detect-timeout";
    public const string DisableInboundProtocolDetectTimeout = Prefix + "proxy-disable-inbound-protocol-detect-timeout";
    public const string ShutdownGracePeriod = Prefix + "shutdown-grace-period";
    public const string AccessLog = Prefix + "access-log";

    public const string WaitBeforeExitSeconds = AlphaPrefix + "proxy-wait-before-exit-seconds";
    public const string NativeSidecarBeta = BetaPrefix + "proxy-enable-native-sidecar";
    public const string NativeSidecarAlpha = AlphaPrefix + "proxy-enable-native-sidecar";

    /// <summary>Every configuration annotation a pod inherits from its namespace when it does not set it itself.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        ProxyImage, ProxyVersion, ImagePullPolicy, InitImage, InitImageVersion, AdminPort, ControlPort, InboundPort,
        OutboundPort, PodInboundPorts, ProxyUid, ProxyGid, LogLevel, LogFormat, SkipInboundPorts, SkipOutboundPorts,
        SkipSubnets, OpaquePorts, CpuRequest, CpuLimit, MemoryRequest, MemoryLimit, EphemeralStorageRequest,
        EphemeralStorageLimit, Await, DefaultInboundPolicy, EnableExternalProfiles, EnableGateway,
        RequireIdentityOnInboundPorts, OutboundConnectTimeout, InboundConnectTimeout, OutboundDiscoveryCacheUnusedTimeout,
        InboundDiscoveryCacheUnusedTimeout, DisableOutboundProtocolDetectTimeout, DisableInboundProtocolDetectTimeout,
        ShutdownGracePeriod, AccessLog, WaitBeforeExitSeconds, NativeSidecarBeta, NativeSidecarAlpha,
    ];
}
