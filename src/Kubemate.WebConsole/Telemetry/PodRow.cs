using Kubemate.Application.Overview;
using Kubemate.Telemetry.Golden;

namespace Kubemate.WebConsole.Telemetry;

/// <summary>A pod as the dashboard shows it: its status from the cluster (null when not readable) and its metrics (null without traffic).</summary>
public sealed record PodRow(string Name, PodProxyStatus? Status, GoldenMetrics? Metrics)
{
    /// <summary>Pods from the cluster and pods from metrics, by name.</summary>
    public static IReadOnlyList<PodRow> Merge(IReadOnlyList<PodProxyStatus> pods, IReadOnlyList<PodStat> metrics)
    {
        var byName = metrics.ToDictionary(m => m.Pod, m => m.Metrics, StringComparer.Ordinal);
        return pods.Select(p => p.Pod).Concat(byName.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(name => new PodRow(name, pods.FirstOrDefault(p => p.Pod == name), byName.GetValueOrDefault(name)))
            .ToList();
    }
}
