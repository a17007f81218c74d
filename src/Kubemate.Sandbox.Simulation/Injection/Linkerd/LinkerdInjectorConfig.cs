namespace Kubemate.Sandbox.Simulation.Injection.Linkerd;

/// <summary>
/// The control-plane values Linkerd's proxy-injector renders its sidecars from (the <c>linkerd-control-plane</c>
/// chart values). Pod and namespace <c>config.linkerd.io/*</c> annotations override these per pod.
/// Defaults follow the chart at the linkerd2 commit our golden fixtures come from.
/// </summary>
public sealed record LinkerdInjectorConfig
{
    public const string DefaultVersion = "edge-25.4.4";

    /// <summary>Version of the control plane; the injector records it in <c>linkerd.io/created-by</c>.</summary>
    public string ControlPlaneVersion { get; init; } = DefaultVersion;

    /// <summary>The <c>linkerd.io/created-by</c> value; null means <c>linkerd/proxy-injector {ControlPlaneVersion}</c>.</summary>
    public string? CreatedBy { get; init; }

    public string LinkerdNamespace { get; init; } = "linkerd";

    public string ClusterDomain { get; init; } = "cluster.local";

    /// <summary>Identity trust domain; null means the cluster domain.</summary>
    public string? IdentityTrustDomain { get; init; }

    /// <summary>PEM bundle of the identity trust anchors; null means a sandbox trust anchor generated once per process.</summary>
    public string? TrustAnchorsPem { get; init; }

    public string ClusterNetworks { get; init; } = "10.0.0.0/8,100.64.0.0/10,172.16.0.0/12,192.168.0.0/16,fd00::/8";

    public string ProxyImage { get; init; } = "cr.l5d.io/linkerd/proxy";

    public string ProxyVersion { get; init; } = DefaultVersion;

    /// <summary>proxy-init ships in the proxy image; set these only to run a separate proxy-init image.</summary>
    public string? ProxyInitImage { get; init; }

    public string? ProxyInitVersion { get; init; }

    public string ImagePullPolicy { get; init; } = "IfNotPresent";

    public int AdminPort { get; init; } = 4191;

    public int ControlPort { get; init; } = 4190;

    public int InboundPort { get; init; } = 4143;

    public int OutboundPort { get; init; } = 4140;

    public long ProxyUid { get; init; } = 2102;

    /// <summary>Group id of the proxy; negative means none is set.</summary>
    public long ProxyGid { get; init; } = -1;

    public string LogLevel { get; init; } = "warn,linkerd=info,hickory=error";

    public string LogFormat { get; init; } = "plain";

    /// <summary>"off" hides HTTP headers from proxy logs; "insecure" lets them through.</summary>
    public string LogHttpHeaders { get; init; } = "off";

    public string DefaultInboundPolicy { get; init; } = "all-unauthenticated";

    /// <summary>Ports the proxy forwards without protocol detection (server-first protocols).</summary>
    public string OpaquePorts { get; init; } = "25,587,3306,4444,5432,6379,9300,11211";

    public string IgnoreInboundPorts { get; init; } = "4567,4568";

    public string IgnoreOutboundPorts { get; init; } = "4567,4568";

    public string SkipSubnets { get; init; } = "";

    /// <summary>With the linkerd-cni plugin the iptables init container is replaced by the network validator.</summary>
    public bool CniEnabled { get; init; }

    /// <summary>Run the proxy as a KEP-753 native sidecar (an init container with <c>restartPolicy: Always</c>).</summary>
    public bool NativeSidecar { get; init; } = true;

    /// <summary>Hold the application containers until the proxy is ready.</summary>
    public bool Await { get; init; } = true;

    public int WaitBeforeExitSeconds { get; init; }

    public bool DisableIPv6 { get; init; } = true;

    /// <summary>"nft" or "legacy".</summary>
    public string IptablesMode { get; init; } = "nft";

    public bool EnableExternalProfiles { get; init; }

    public bool EnableShutdownEndpoint { get; init; }

    public bool ServiceAccountTokenProjection { get; init; } = true;

    public string? ProxyCpuRequest { get; init; }

    public string? ProxyCpuLimit { get; init; }

    public string? ProxyMemoryRequest { get; init; }

    public string? ProxyMemoryLimit { get; init; }

    public string? ProxyEphemeralStorageRequest { get; init; }

    public string? ProxyEphemeralStorageLimit { get; init; }

    /// <summary>Minimum proxy worker threads (<c>proxy.runtime.workers.minimum</c>).</summary>
    public int MinimumWorkers { get; init; } = 1;

    public string InboundConnectTimeout { get; init; } = "100ms";

    public string OutboundConnectTimeout { get; init; } = "1000ms";

    public string OutboundDiscoveryCacheUnusedTimeout { get; init; } = "5s";

    public string InboundDiscoveryCacheUnusedTimeout { get; init; } = "90s";

    public long ProxyInitRunAsUser { get; init; } = 65534;

    public long ProxyInitRunAsGroup { get; init; } = 65534;

    public string NetworkValidatorConnectAddr { get; init; } = "1.1.1.1:20001";

    public string NetworkValidatorListenAddr { get; init; } = "0.0.0.0:4140";

    public string NetworkValidatorTimeout { get; init; } = "10s";

    public string NetworkValidatorLogLevel { get; init; } = "debug";

    public string NetworkValidatorLogFormat { get; init; } = "plain";

    internal string EffectiveCreatedBy => CreatedBy ?? $"linkerd/proxy-injector {ControlPlaneVersion}";

    internal string EffectiveTrustDomain => IdentityTrustDomain ?? ClusterDomain;

    internal string EffectiveTrustAnchorsPem => TrustAnchorsPem ?? SandboxTrustAnchor.Pem;
}
