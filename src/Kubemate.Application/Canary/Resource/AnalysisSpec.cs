namespace Kubemate.Application.Canary.Resource;

/// <summary>How each check judges the canary against stable over a window of golden metrics.</summary>
public sealed record AnalysisSpec
{
    public required string Interval { get; init; }

    public required string Window { get; init; }

    /// <summary>Fewer canary requests in the window make the check NotEnoughRequests: the step holds, nothing fails.</summary>
    public required int MinRequests { get; init; }

    /// <summary>Failed checks in one attempt that roll the release back.</summary>
    public required int FailedChecks { get; init; }

    public SuccessRateThresholds? SuccessRate { get; init; }

    public LatencyThresholds? LatencyP99 { get; init; }

    public RequestRateGuard? RequestRate { get; init; }
}

/// <summary><see cref="Min"/>: least canary success rate (0.99); <see cref="MaxDrop"/>: most it may fall below stable's (0.01 = one point).</summary>
public sealed record SuccessRateThresholds(double? Min = null, double? MaxDrop = null);

/// <summary><see cref="MaxMs"/>: highest canary p99; <see cref="MaxRatio"/>: highest canary p99 as a multiple of stable's.</summary>
public sealed record LatencyThresholds(double? MaxMs = null, double? MaxRatio = null);

/// <summary>
/// The canary's request rate per percent of weight may be at most <see cref="MaxRatio"/> times stable's: more means
/// something other than the split sends it requests (client retries of its failures, clients pinned to it).
/// </summary>
public sealed record RequestRateGuard(double MaxRatio);
