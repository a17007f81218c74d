using Kubemate.Model.Drivers;

namespace Kubemate.Drivers.Istio;

/// <summary>
/// How Istio (sidecar mode) looks on a cluster: the <c>istio-proxy</c> container, the <c>istio-injection</c> namespace
/// label and the <c>sidecar.istio.io/inject</c> pod label, istiod in <c>istio-system</c>, its CA Secrets, and the
/// standard metrics as Prometheus' <c>kubernetes-pods</c> job scrapes them from the merged endpoint (15020).
/// </summary>
internal static class IstioConventions
{
    public const string ControlPlaneNamespace = "istio-system";

    public static MeshConventions Value { get; } = new()
    {
        DisplayName = "Istio",
        Proxy = new ProxyConvention("istio-proxy"),
        NamespaceInjection = new InjectionSwitch(InjectionSwitchKind.Label, IstioNames.NamespaceInjectionLabel, "enabled", "disabled"),
        WorkloadInjection = new InjectionSwitch(InjectionSwitchKind.Label, IstioNames.PodInjectionLabel, "true", "false"),
        ControlPlane = [new ControlPlaneNamespace(ControlPlaneNamespace, ["istiod"])],
        // A plugged-in CA (cacerts) wins over the self-signed one istiod creates (istio-ca-secret).
        IdentityIssuer =
        [
            new SecretKeyLocation(ControlPlaneNamespace, "cacerts", "ca-cert.pem"),
            new SecretKeyLocation(ControlPlaneNamespace, "istio-ca-secret", "ca-cert.pem"),
        ],
        Telemetry = new TelemetryVocabulary
        {
            RequestsMetric = null,
            ResponsesMetric = "istio_requests_total",
            LatencyBucketMetric = "istio_request_duration_milliseconds_bucket",
            LatencyUnit = "ms",
            ReporterLabel = "reporter",
            ServerSideValue = "destination",
            ClientSideValue = "source",
            ServerWorkload = new("destination_workload_namespace", [new WorkloadKindLabel(null, "destination_workload")]),
            ClientWorkload = new("source_workload_namespace", [new WorkloadKindLabel(null, "source_workload")]),
            ClientPeer = new("destination_workload_namespace", [new WorkloadKindLabel(null, "destination_workload")]),
            DestinationServiceLabel = "destination_service_name",
            StatusCodeLabel = "response_code",
            TlsLabel = "connection_security_policy",
            TlsSecuredValue = "mutual_tls",
            Scrape = new ScrapeConvention
            {
                Job = "kubernetes-pods",
                Container = "istio-proxy",
                PortAnnotation = "prometheus.io/port",
                Path = "stats/prometheus",
                PathAnnotation = "prometheus.io/path",
            },
        },
    };
}
