using System.Globalization;

namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>Traefik's Prometheus metrics for requests it forwards from an entry point to a Kubernetes service.</summary>
public static class TraefikMetrics
{
    /// <summary>Traefik's default histogram buckets, in seconds.</summary>
    public static IReadOnlyList<double> DurationBounds { get; } = [0.1, 0.3, 1.2, 5];

    public const string EntryPoint = "websecure";

    public static void Initialise(MetricSet metrics, DateTimeOffset started)
    {
        metrics.Gauge("traefik_config_last_reload_success", "Last config reload success").Set("", started.ToUnixTimeSeconds());
        metrics.Counter("traefik_config_reloads_total", "Config reloads").Set("", 1);
    }

    /// <summary>Traefik's name for a service an IngressRoute forwards to: <c>namespace-name-port@kubernetescrd</c>.</summary>
    public static string ServiceName(string ns, string service, int port) => $"{ns}-{service}-{port.ToString(CultureInfo.InvariantCulture)}@kubernetescrd";

    public static void Record(MetricSet metrics, string service, CallOutcome outcome)
    {
        var code = outcome.StatusCode.ToString(CultureInfo.InvariantCulture);
        metrics.Counter("traefik_entrypoint_requests_total", "How many HTTP requests processed on an entrypoint, partitioned by status code, protocol, and method.")
            .Add(LabelText.Of(("code", code), ("entrypoint", EntryPoint), ("method", "GET"), ("protocol", "http")), 1);
        var labels = LabelText.Of(("code", code), ("method", "GET"), ("protocol", "http"), ("service", service));
        metrics.Counter("traefik_service_requests_total", "How many HTTP requests processed on a service, partitioned by status code, protocol, and method.")
            .Add(labels, 1);
        metrics.Histogram("traefik_service_request_duration_seconds", "How long it took to process the request on a service, partitioned by status code, protocol, and method.", DurationBounds)
            .Observe(labels, outcome.LatencyMs / 1000);
    }
}
