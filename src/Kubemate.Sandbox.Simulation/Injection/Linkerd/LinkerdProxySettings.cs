using System.Globalization;

namespace Kubemate.Sandbox.Simulation.Injection.Linkerd;

/// <summary>The values one pod's sidecars are rendered from: the injector config with the pod's annotations applied.</summary>
internal sealed record LinkerdProxySettings
{
    public required LinkerdInjectorConfig Config { get; init; }
    public required string ProxyImage { get; init; }
    public required string ProxyVersion { get; init; }
    public required string InitImageReference { get; init; }
    public required string PullPolicy { get; init; }
    public required int AdminPort { get; init; }
    public required int ControlPort { get; init; }
    public required int InboundPort { get; init; }
    public required int OutboundPort { get; init; }
    public required string PodInboundPorts { get; init; }
    public required long Uid { get; init; }
    public required long Gid { get; init; }
    public required string LogLevel { get; init; }
    public required string LogFormat { get; init; }
    public required string IgnoreInboundPorts { get; init; }
    public required string IgnoreOutboundPorts { get; init; }
    public required string SkipSubnets { get; init; }
    public required string OpaquePorts { get; init; }
    public required string? CpuRequest { get; init; }
    public required string? CpuLimit { get; init; }
    public required string? MemoryRequest { get; init; }
    public required string? MemoryLimit { get; init; }
    public required string? EphemeralStorageRequest { get; init; }
    public required string? EphemeralStorageLimit { get; init; }
    public required bool NativeSidecar { get; init; }
    public required bool Await { get; init; }
    public required long WaitBeforeExitSeconds { get; init; }
    public required string DefaultInboundPolicy { get; init; }
    public required bool EnableExternalProfiles { get; init; }
    public required bool IsIngress { get; init; }
    public required bool IsGateway { get; init; }
    public required string RequireIdentityOnInboundPorts { get; init; }
    public required string InboundConnectTimeout { get; init; }
    public required string OutboundConnectTimeout { get; init; }
    public required string OutboundDiscoveryCacheUnusedTimeout { get; init; }
    public required string InboundDiscoveryCacheUnusedTimeout { get; init; }
    public required bool DisableOutboundProtocolDetectTimeout { get; init; }
    public required bool DisableInboundProtocolDetectTimeout { get; init; }
    public required string ShutdownGracePeriod { get; init; }
    public required string AccessLog { get; init; }

    public string ProxyImageReference => $"{ProxyImage}:{ProxyVersion}";

    public bool HasResources => CpuRequest is not null || CpuLimit is not null || MemoryRequest is not null
        || MemoryLimit is not null || EphemeralStorageRequest is not null || EphemeralStorageLimit is not null;

    /// <summary>Whole cores the CPU limit allows; null without a limit.</summary>
    public int? CoresFromCpuLimit => CpuLimit is null ? null : ResourceQuantity.WholeCores(CpuLimit);

    public static LinkerdProxySettings Resolve(
        LinkerdInjectorConfig config,
        ConfigAnnotationLookup annotations,
        string? injectMode,
        IReadOnlyDictionary<string, int> namedPorts,
        string podInboundPorts)
    {
        var proxyImage = annotations.Get(LinkerdConfigAnnotations.ProxyImage) ?? config.ProxyImage;
        var proxyVersion = annotations.Get(LinkerdConfigAnnotations.ProxyVersion) ?? config.ProxyVersion;
        var initImage = annotations.Get(LinkerdConfigAnnotations.InitImage) ?? config.ProxyInitImage ?? proxyImage;
        var initVersion = annotations.Get(LinkerdConfigAnnotations.InitImageVersion) ?? config.ProxyInitVersion ?? proxyVersion;

        var nativeSidecar = annotations.TryGet(LinkerdConfigAnnotations.NativeSidecarBeta, out _)
            ? annotations.Boolean(LinkerdConfigAnnotations.NativeSidecarBeta, config.NativeSidecar)
            : annotations.Boolean(LinkerdConfigAnnotations.NativeSidecarAlpha, config.NativeSidecar);

        var opaquePorts = annotations.TryGet(LinkerdConfigAnnotations.OpaquePorts, out var opaque)
            ? PortRanges.ResolveOpaquePorts(opaque, namedPorts, annotations.FieldPath(LinkerdConfigAnnotations.OpaquePorts), annotations.Warnings)
            : config.OpaquePorts;

        return new LinkerdProxySettings
        {
            Config = config,
            ProxyImage = proxyImage,
            ProxyVersion = proxyVersion,
            InitImageReference = $"{initImage}:{initVersion}",
            PullPolicy = annotations.Get(LinkerdConfigAnnotations.ImagePullPolicy) ?? config.ImagePullPolicy,
            AdminPort = annotations.Port(LinkerdConfigAnnotations.AdminPort, config.AdminPort),
            ControlPort = annotations.Port(LinkerdConfigAnnotations.ControlPort, config.ControlPort),
            InboundPort = annotations.Port(LinkerdConfigAnnotations.InboundPort, config.InboundPort),
            OutboundPort = annotations.Port(LinkerdConfigAnnotations.OutboundPort, config.OutboundPort),
            PodInboundPorts = annotations.Get(LinkerdConfigAnnotations.PodInboundPorts) ?? podInboundPorts,
            Uid = annotations.Integer(LinkerdConfigAnnotations.ProxyUid, config.ProxyUid),
            Gid = annotations.Integer(LinkerdConfigAnnotations.ProxyGid, config.ProxyGid),
            LogLevel = annotations.Get(LinkerdConfigAnnotations.LogLevel) ?? config.LogLevel,
            LogFormat = annotations.Get(LinkerdConfigAnnotations.LogFormat) ?? config.LogFormat,
            IgnoreInboundPorts = annotations.Get(LinkerdConfigAnnotations.SkipInboundPorts) ?? config.IgnoreInboundPorts,
            IgnoreOutboundPorts = annotations.Get(LinkerdConfigAnnotations.SkipOutboundPorts) ?? config.IgnoreOutboundPorts,
            SkipSubnets = annotations.Get(LinkerdConfigAnnotations.SkipSubnets) ?? config.SkipSubnets,
            OpaquePorts = opaquePorts,
            CpuRequest = annotations.Quantity(LinkerdConfigAnnotations.CpuRequest, config.ProxyCpuRequest),
            CpuLimit = annotations.Quantity(LinkerdConfigAnnotations.CpuLimit, config.ProxyCpuLimit),
            MemoryRequest = annotations.Quantity(LinkerdConfigAnnotations.MemoryRequest, config.ProxyMemoryRequest),
            MemoryLimit = annotations.Quantity(LinkerdConfigAnnotations.MemoryLimit, config.ProxyMemoryLimit),
            EphemeralStorageRequest = annotations.Quantity(LinkerdConfigAnnotations.EphemeralStorageRequest, config.ProxyEphemeralStorageRequest),
            EphemeralStorageLimit = annotations.Quantity(LinkerdConfigAnnotations.EphemeralStorageLimit, config.ProxyEphemeralStorageLimit),
            NativeSidecar = nativeSidecar,
            Await = annotations.EnabledDisabled(LinkerdConfigAnnotations.Await, config.Await),
            WaitBeforeExitSeconds = NonNegative(annotations, LinkerdConfigAnnotations.WaitBeforeExitSeconds, config.WaitBeforeExitSeconds),
            DefaultInboundPolicy = InboundPolicy(annotations, config.DefaultInboundPolicy),
            EnableExternalProfiles = annotations.Boolean(LinkerdConfigAnnotations.EnableExternalProfiles, config.EnableExternalProfiles),
            IsIngress = injectMode == LinkerdNames.InjectIngress,
            IsGateway = annotations.Boolean(LinkerdConfigAnnotations.EnableGateway, false),
            RequireIdentityOnInboundPorts = annotations.Get(LinkerdConfigAnnotations.RequireIdentityOnInboundPorts) ?? "",
            InboundConnectTimeout = annotations.Duration(LinkerdConfigAnnotations.InboundConnectTimeout, config.InboundConnectTimeout, inSeconds: false),
            OutboundConnectTimeout = annotations.Duration(LinkerdConfigAnnotations.OutboundConnectTimeout, config.OutboundConnectTimeout, inSeconds: false),
            OutboundDiscoveryCacheUnusedTimeout = annotations.Duration(LinkerdConfigAnnotations.OutboundDiscoveryCacheUnusedTimeout, config.OutboundDiscoveryCacheUnusedTimeout, inSeconds: true),
            InboundDiscoveryCacheUnusedTimeout = annotations.Duration(LinkerdConfigAnnotations.InboundDiscoveryCacheUnusedTimeout, config.InboundDiscoveryCacheUnusedTimeout, inSeconds: true),
            DisableOutboundProtocolDetectTimeout = annotations.Boolean(LinkerdConfigAnnotations.DisableOutboundProtocolDetectTimeout, false),
            DisableInboundProtocolDetectTimeout = annotations.Boolean(LinkerdConfigAnnotations.DisableInboundProtocolDetectTimeout, false),
            ShutdownGracePeriod = annotations.Duration(LinkerdConfigAnnotations.ShutdownGracePeriod, "", inSeconds: false),
            AccessLog = annotations.Get(LinkerdConfigAnnotations.AccessLog) ?? "",
        };
    }

    private static long NonNegative(ConfigAnnotationLookup annotations, string key, long fallback)
    {
        var value = annotations.Integer(key, fallback);
        if (value >= 0)
        {
            return value;
        }
        annotations.Warn(key, value.ToString(CultureInfo.InvariantCulture), "must not be negative", fallback.ToString(CultureInfo.InvariantCulture));
        return fallback;
    }

    private static readonly string[] InboundPolicies = ["all-unauthenticated", "all-authenticated", "cluster-unauthenticated", "cluster-authenticated", "deny", "audit"];

    private static string InboundPolicy(ConfigAnnotationLookup annotations, string fallback)
    {
        if (!annotations.TryGet(LinkerdConfigAnnotations.DefaultInboundPolicy, out var value))
        {
            return fallback;
        }
        if (InboundPolicies.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }
        annotations.Warn(LinkerdConfigAnnotations.DefaultInboundPolicy, value, $"is not one of {string.Join(", ", InboundPolicies)}", fallback);
        return fallback;
    }
}
