using Kubemate.Cluster.Apply;
using Prometheus;

namespace Kubemate.Host.Metrics;

/// <summary>
/// Kubemate's own metrics beside the HTTP request durations (<c>http_request_duration_seconds</c> by endpoint,
/// method and code): what applies did, and how many operations are running.
/// </summary>
public static class KubemateMetrics
{
    private static readonly Counter ApplyObjects = Prometheus.Metrics.CreateCounter(
        "kubemate_apply_objects_total", "Objects of applied change sets by their final status", "status");

    private static readonly Counter ApplyChangeSets = Prometheus.Metrics.CreateCounter(
        "kubemate_apply_changesets_total", "Change sets applied, by outcome (succeeded, failed)", "outcome");

    private static readonly Counter Onboardings = Prometheus.Metrics.CreateCounter(
        "kubemate_mesh_operations_total", "Mesh onboarding runs finished, by final event type", "result");

    private static readonly Gauge RunningOperations = Prometheus.Metrics.CreateGauge(
        "kubemate_operations_running", "Mesh onboarding runs in progress");

    public static void RecordApply(ChangeSetResult result)
    {
        ApplyChangeSets.WithLabels(result.Succeeded ? "succeeded" : "failed").Inc();
        foreach (var o in result.Objects)
        {
            ApplyObjects.WithLabels(o.Status.ToString()).Inc();
        }
    }

    public static void OperationStarted() => RunningOperations.Inc();

    public static void OperationFinished(string result)
    {
        RunningOperations.Dec();
        Onboardings.WithLabels(result).Inc();
    }
}
