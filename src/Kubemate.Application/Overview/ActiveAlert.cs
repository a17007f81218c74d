using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Application.Telemetry;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Querying;
using Kubemate.Telemetry.Topology;

namespace Kubemate.Application.Overview;

/// <summary>
/// An alert that is active now: an alert Prometheus reports firing (its <c>ALERTS{alertstate="firing"}</c> series,
/// i.e. a PrometheusRule alert whose condition held for its <c>for</c> duration), or a workload whose failure ratio over
/// the window reached the failing threshold. <see cref="Workload"/> is set for the latter, so it links to its dashboard.
/// </summary>
public sealed record ActiveAlert(string Name, string Severity, string Namespace, WorkloadRef? Workload)
{
    /// <summary>The Prometheus Operator's rule objects; listing them answers 404 where the operator is not installed.</summary>
    private static readonly ResourceType PrometheusRules = new("monitoring.coreos.com", "v1", "PrometheusRule", "prometheusrules", true);

    public static async Task<IReadOnlyList<ActiveAlert>> FiringAsync(ITelemetryBackend metrics, DateTimeOffset now, TelemetryScope scope, CancellationToken cancellationToken)
    {
        var result = await metrics.QueryAsync(new MetricQuery("ALERTS", QueryFunctionKind.Latest, TimeSpan.FromMinutes(5),
            [LabelMatcher.Is("alertstate", "firing")], ["alertname", "severity", "namespace"]), QueryTime.Instant(now), cancellationToken).ConfigureAwait(false);
        return (result.Value ?? []).Where(s => s.Last > 0)
            .Select(s => new ActiveAlert(s.Labels["alertname"], s.Labels["severity"], s.Labels["namespace"], null))
            // An alert about a namespace is shown to those who may read it; cluster-wide alerts to everyone.
            .Where(a => scope.Allows(a.Namespace))
            .ToList();
    }

    public static IReadOnlyList<ActiveAlert> Failing(IEnumerable<WorkloadStat> workloads, HealthThresholds thresholds) =>
        workloads.Where(w => thresholds.Classify(w.Metrics.Responses, w.Metrics.Failures) == HealthClass.Failing)
            .Select(w => new ActiveAlert("WorkloadFailing", "critical", w.Workload.Namespace, w.Workload))
            .ToList();

    /// <summary>How many alerting rules the PrometheusRule objects the user may list define (null when not visible or not installed).</summary>
    public static async Task<int?> DefinedRulesAsync(ClusterApi api, CancellationToken cancellationToken)
    {
        try
        {
            var list = await api.ListObjectsAsync(PrometheusRules, null, cancellationToken).ConfigureAwait(false);
            return list
                .SelectMany(r => r["spec"]?["groups"] as JsonArray ?? []).OfType<JsonObject>()
                .SelectMany(g => g["rules"] as JsonArray ?? []).OfType<JsonObject>()
                .Count(r => r["alert"] is not null);
        }
        catch (ClusterApiException error) when (error.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
