using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Topology;

namespace Kubemate.WebConsole.Telemetry;

/// <summary>One row of the inbound ("who calls me") or outbound ("whom I call") table.</summary>
public sealed record PeerRow(WorkloadRef Peer, HealthClass Health, double Rps, double? SuccessRate, double? LatencyP99Ms, bool Mtls)
{
    /// <summary>
    /// Rows for one direction, failing first: by health (failing, degraded, healthy, no traffic), then lowest success
    /// rate, then busiest, then name, so the downstream that is failing the workload is always the top row.
    /// </summary>
    public static IReadOnlyList<PeerRow> From(IEnumerable<EdgeStat> edges, bool inbound, HealthThresholds thresholds) =>
        edges.Select(e => new PeerRow(inbound ? e.Source : e.Destination, thresholds.Classify(e.Metrics.Responses, e.Metrics.Failures),
                e.Metrics.Rps, e.Metrics.SuccessRate, e.Metrics.LatencyP99Ms, e.Secured))
            .OrderBy(r => Rank(r.Health))
            .ThenBy(r => r.SuccessRate ?? 1.0)
            .ThenByDescending(r => r.Rps)
            .ThenBy(r => r.Peer.Id, StringComparer.Ordinal)
            .ToList();

    public bool NeedsAttention => Health is HealthClass.Failing or HealthClass.Degraded;

    private static int Rank(HealthClass health) => health switch
    {
        HealthClass.Failing => 0,
        HealthClass.Degraded => 1,
        HealthClass.Healthy => 2,
        _ => 3,
    };
}
