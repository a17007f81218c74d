using System.Globalization;

namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>Istio's standard metrics as an istio-proxy sidecar reports them, with reporter source or destination.</summary>
public static class IstioMetrics
{
    /// <summary>Istio's default bucket bounds for request durations, in milliseconds.</summary>
    public static IReadOnlyList<double> DurationBounds { get; } =
        [0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000];

    public static void Record(MetricSet metrics, string reporter, SimulatedPod caller, SimulatedPod callee, string service, bool grpc, CallOutcome outcome, string responseFlags)
    {
        string Or(string? value) => value ?? "unknown";
        var mutual = caller.IstioMeshed && callee.IstioMeshed;
        var labels = LabelText.Of(
            ("reporter", reporter),
            ("source_workload", caller.Workload),
            ("source_workload_namespace", caller.Namespace),
            ("source_principal", caller.IstioMeshed ? caller.SpiffeId : "unknown"),
            ("source_app", Or(caller.Labels.GetValueOrDefault("app"))),
            ("source_version", Or(caller.Version)),
            ("destination_workload", callee.Workload),
            ("destination_workload_namespace", callee.Namespace),
            ("destination_principal", callee.IstioMeshed ? callee.SpiffeId : "unknown"),
            ("destination_app", Or(callee.Labels.GetValueOrDefault("app"))),
            ("destination_version", Or(callee.Version)),
            ("destination_service", $"{service}.{callee.Namespace}.svc.cluster.local"),
            ("destination_service_name", service),
            ("destination_service_namespace", callee.Namespace),
            ("request_protocol", grpc ? "grpc" : "http"),
            ("response_code", outcome.StatusCode.ToString(CultureInfo.InvariantCulture)),
            ("grpc_response_status", outcome.GrpcStatus?.ToString(CultureInfo.InvariantCulture) ?? ""),
            ("response_flags", responseFlags),
            ("connection_security_policy", reporter == "destination" ? (mutual ? "mutual_tls" : "none") : "unknown"));
        metrics.Counter("istio_requests_total", "Total requests.").Add(labels, 1);
        metrics.Histogram("istio_request_duration_milliseconds", "Request duration in milliseconds.", DurationBounds).Observe(labels, outcome.LatencyMs);
    }
}
