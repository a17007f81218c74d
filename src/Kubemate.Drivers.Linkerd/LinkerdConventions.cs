using Kubemate.Model.Drivers;

namespace Kubemate.Drivers.Linkerd;

/// <summary>
/// How Linkerd (2.16+) looks on a cluster: the <c>linkerd-proxy</c> container, <c>linkerd.io/inject</c>, the control
/// plane in <c>linkerd</c>, the issuer Secret, and the series linkerd-viz' <c>linkerd-proxy</c> job scrapes.
/// </summary>
internal static class LinkerdConventions
{
    public const string ControlPlaneNamespace = "linkerd";

    /// <summary>Workload kinds and the target label naming each (a Job's is <c>k8s_job</c>; <c>job</c> is the scrape job).</summary>
    private static readonly (string Kind, string Label)[] Kinds =
    [
        ("deployment", "deployment"),
        ("statefulset", "statefulset"),
        ("daemonset", "daemonset"),
        ("cronjob", "cronjob"),
        ("job", "k8s_job"),
        ("replicaset", "replicaset"),
        ("replicationcontroller", "replicationcontroller"),
    ];

    private static readonly WorkloadLabels OwnWorkload = new("namespace", [.. Kinds.Select(k => new WorkloadKindLabel(k.Kind, k.Label))]);

    public static MeshConventions Value { get; } = new()
    {
        DisplayName = "Linkerd",
        Proxy = new ProxyConvention("linkerd-proxy", "linkerd.io/proxy-version"),
        NamespaceInjection = new InjectionSwitch(InjectionSwitchKind.Annotation, LinkerdNames.Inject, "enabled", "disabled"),
        WorkloadInjection = new InjectionSwitch(InjectionSwitchKind.Annotation, LinkerdNames.Inject, "enabled", "disabled"),
        ControlPlane = [new ControlPlaneNamespace(ControlPlaneNamespace, ["linkerd-identity", "linkerd-destination", "linkerd-proxy-injector"])],
        // The linkerd.io/tls scheme keeps crt.pem; the kubernetes.io/tls scheme (cert-manager) keeps tls.crt.
        IdentityIssuer =
        [
            new SecretKeyLocation(ControlPlaneNamespace, "linkerd-identity-issuer", "crt.pem"),
            new SecretKeyLocation(ControlPlaneNamespace, "linkerd-identity-issuer", "tls.crt"),
        ],
        Telemetry = new TelemetryVocabulary
        {
            RequestsMetric = "request_total",
            ResponsesMetric = "response_total",
            LatencyBucketMetric = "response_latency_ms_bucket",
            LatencyUnit = "ms",
            ReporterLabel = "direction",
            ServerSideValue = "inbound",
            ClientSideValue = "outbound",
            ServerWorkload = OwnWorkload,
            ClientWorkload = OwnWorkload,
            ClientPeer = new("dst_namespace", [.. Kinds.Select(k => new WorkloadKindLabel(k.Kind, "dst_" + (k.Kind == "job" ? "job" : k.Label)))]),
            DestinationServiceLabel = "dst_service",
            StatusCodeLabel = "status_code",
            ClassificationLabel = "classification",
            SuccessValue = "success",
            FailureValue = "failure",
            TlsLabel = "tls",
            TlsSecuredValue = "true",
            TcpOpenConnections = new TcpConnectionsMetric("tcp_open_connections", [KeyValuePair.Create("peer", "src")]),
            IdentityExpiryMetric = "identity_cert_expiration_timestamp_seconds",
            Scrape = new ScrapeConvention
            {
                Job = "linkerd-proxy",
                Container = "linkerd-proxy",
                PortName = "linkerd-admin",
                Path = "metrics",
                RequiredPodLabel = "linkerd.io/control-plane-ns",
                LabelRenames = [KeyValuePair.Create("linkerd_io_proxy_job", "k8s_job")],
                StrippedLabelPrefixes = ["linkerd_io_proxy_", "linkerd_io_"],
                TargetWorkload = OwnWorkload,
            },
        },
    };
}
