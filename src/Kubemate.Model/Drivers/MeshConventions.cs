namespace Kubemate.Model.Drivers;

/// <summary>
/// How one mesh looks on a cluster, as data: the proxy its pods carry, the switch that injects it, where its control
/// plane and identity issuer live, and the metric names its proxies export. Everything outside the driver (onboarding,
/// status, telemetry, the console) reads these instead of naming a mesh.
/// </summary>
public sealed record MeshConventions
{
    /// <summary>The mesh's name as people write it (<c>Linkerd</c>, <c>Istio</c>).</summary>
    public required string DisplayName { get; init; }

    public required ProxyConvention Proxy { get; init; }

    /// <summary>The switch on a Namespace.</summary>
    public required InjectionSwitch NamespaceInjection { get; init; }

    /// <summary>The switch on a workload's pod template (an opt-out or opt-in of one workload).</summary>
    public required InjectionSwitch WorkloadInjection { get; init; }

    /// <summary>The control plane's namespaces and the workloads that make it up, in the order they are shown.</summary>
    public required IReadOnlyList<ControlPlaneNamespace> ControlPlane { get; init; }

    /// <summary>Where the certificate that signs workload identities is kept, first match wins; empty when the mesh keeps it elsewhere.</summary>
    public required IReadOnlyList<SecretKeyLocation> IdentityIssuer { get; init; }

    public required TelemetryVocabulary Telemetry { get; init; }
}

/// <summary>The proxy container of an injected pod (a container or a native sidecar), and the annotation recording its version, if any.</summary>
public sealed record ProxyConvention(string ContainerName, string? VersionAnnotation = null);

public enum InjectionSwitchKind
{
    Annotation,
    Label,
}

/// <summary>An annotation or label that switches injection on or off, e.g. <c>linkerd.io/inject: enabled|disabled</c>.</summary>
public sealed record InjectionSwitch(InjectionSwitchKind Kind, string Key, string OnValue, string OffValue)
{
    /// <summary>How the opt-in reads in YAML (<c>linkerd.io/inject: enabled</c>).</summary>
    public string OptIn => Reads(OnValue);

    /// <summary>How the opt-out reads in YAML (<c>sidecar.istio.io/inject: "false"</c>).</summary>
    public string OptOut => Reads(OffValue);

    private string Reads(string value) =>
        $"{Key}: {(value is "true" or "false" or "yes" or "no" or "on" or "off" ? $"\"{value}\"" : value)}";
}

/// <summary>A namespace of the control plane and the workloads (Deployments) in it that make up the mesh.</summary>
public sealed record ControlPlaneNamespace(string Namespace, IReadOnlyList<string> Workloads);

/// <summary>One key of one Secret, e.g. <c>linkerd/linkerd-identity-issuer</c> key <c>crt.pem</c>.</summary>
public sealed record SecretKeyLocation(string Namespace, string Secret, string Key);
