namespace Kubemate.Telemetry.Golden;

/// <summary>One row of <c>stat</c>: a workload's inbound golden metrics, meshed pods and open inbound TCP connections.</summary>
public sealed record WorkloadStat(WorkloadRef Workload, int MeshedPods, int TotalPods, GoldenMetrics Metrics, double? TcpConnections);

/// <summary>
/// One edge <c>src -&gt; dst</c> from the source's outbound metrics (or, for unmeshed callers, from the
/// destination's inbound metrics without mesh identity, or, with <see cref="FromGateway"/>, from the edge gateway's own
/// per-Service metrics). <see cref="MtlsRatio"/> is the share of responses over mTLS.
/// </summary>
public sealed record EdgeStat(WorkloadRef Source, WorkloadRef Destination, GoldenMetrics Metrics, double MtlsRatio, bool FromGateway = false)
{
    public bool Secured => MtlsRatio >= 1.0 && Metrics.Responses > 0;
}

/// <summary>Golden metrics of one backend service of a traffic split.</summary>
public sealed record BackendStat(string Service, string Role, GoldenMetrics Metrics);

/// <summary>Stable and canary side by side for one split service.</summary>
public sealed record SplitStat(string Namespace, string Service, TelemetryWindow Window, IReadOnlyList<BackendStat> Backends);

/// <summary>A golden-metric time series point: the metrics over the window ending at <see cref="Time"/>.</summary>
public sealed record GoldenPoint(DateTimeOffset Time, double Rps, double? SuccessRate, double? LatencyP50Ms, double? LatencyP95Ms, double? LatencyP99Ms);

/// <summary>Everything the workload page shows.</summary>
public sealed record WorkloadDetail(
    WorkloadRef Workload,
    TelemetryWindow Window,
    WorkloadStat Now,
    IReadOnlyList<GoldenPoint>? Series,
    IReadOnlyList<EdgeStat> Inbound,
    IReadOnlyList<EdgeStat> Outbound,
    IReadOnlyList<PodStat> Pods);

/// <summary>Inbound golden metrics of one pod of a workload.</summary>
public sealed record PodStat(string Pod, GoldenMetrics Metrics);
