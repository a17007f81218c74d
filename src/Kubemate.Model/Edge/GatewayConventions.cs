namespace Kubemate.Model.Edge;

/// <summary>
/// How the edge gateway (Traefik) looks on a cluster, in one place: the pod label that marks its pods, where it is
/// installed, the port its metrics are scraped from and the metric names it exports. It is not a mesh, so it is not a
/// mesh driver's business; telemetry and the console read it from here.
/// </summary>
public sealed record GatewayConventions
{
    public static GatewayConventions Traefik { get; } = new()
    {
        DisplayName = "Traefik",
        PodLabel = new("app.kubernetes.io/name", "traefik"),
        ContainerName = "traefik",
        Namespace = "traefik",
        Workload = "traefik",
        ScrapeJob = "traefik",
        MetricsPortName = "metrics",
        MetricsPort = "9100",
        MetricsPath = "metrics",
        RequestsMetric = "traefik_service_requests_total",
        DurationSecondsMetric = "traefik_service_request_duration_seconds",
        ServiceProviders = ["kubernetes", "kubernetescrd"],
    };

    public required string DisplayName { get; init; }

    /// <summary>The label every gateway pod carries (the Helm chart's <c>app.kubernetes.io/name: traefik</c>).</summary>
    public required KeyValuePair<string, string> PodLabel { get; init; }

    public required string ContainerName { get; init; }

    /// <summary>The namespace it is installed in by default, shown beside the mesh's control plane.</summary>
    public required string Namespace { get; init; }

    /// <summary>The Deployment's name when the workload list does not tell.</summary>
    public required string Workload { get; init; }

    public required string ScrapeJob { get; init; }

    public required string MetricsPortName { get; init; }

    public required string MetricsPort { get; init; }

    public required string MetricsPath { get; init; }

    /// <summary>Requests by (namespace, service, code); a code of 500 or more is a failure.</summary>
    public required string RequestsMetric { get; init; }

    /// <summary>Request duration histogram in seconds, by (namespace, service).</summary>
    public required string DurationSecondsMetric { get; init; }

    /// <summary>The <c>@provider</c> suffixes of its <c>service</c> label that point at Kubernetes Services.</summary>
    public required IReadOnlyList<string> ServiceProviders { get; init; }
}
