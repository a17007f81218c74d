using Kubemate.Telemetry.Golden;

namespace Kubemate.WebConsole.Telemetry.Overview;

/// <summary>Meshed workloads (at least one pod with the proxy) out of all, and the busiest workloads by request rate.</summary>
public sealed record MeshCoverage(int MeshedWorkloads, int TotalWorkloads, IReadOnlyList<WorkloadStat> Busiest)
{
    public const int BusiestCount = 5;

    public static MeshCoverage From(IReadOnlyList<WorkloadStat> workloads) => new(
        workloads.Count(w => w.MeshedPods > 0),
        workloads.Count,
        workloads.Where(w => w.Metrics.Rps > 0)
            .OrderByDescending(w => w.Metrics.Rps).ThenBy(w => w.Workload.Id, StringComparer.Ordinal)
            .Take(BusiestCount).ToList());
}
