using Kubemate.Model.Collections;

namespace Kubemate.Application.Canary.Resource;

public enum Verdict
{
    Pass,
    Fail,

    /// <summary>Too few requests to judge: the step holds; this is never a failure.</summary>
    NotEnoughRequests,
}

/// <summary>One version's golden metrics over a check's window.</summary>
public sealed record VersionMetrics(double Requests, double Rps, double? SuccessRate, double? P99Ms);

/// <summary>The thresholds a check applied, as the spec gave them when it ran.</summary>
public sealed record AppliedThresholds(
    int MinRequests,
    double? SuccessRateMin = null,
    double? SuccessRateMaxDrop = null,
    double? P99MaxMs = null,
    double? P99MaxRatio = null,
    double? RequestRateMaxRatio = null);

/// <summary>
/// A threshold the canary broke: its name (<c>successRate.min</c>), the canary's value, stable's value when the
/// threshold compares with stable, and the limit the canary's value was held to.
/// </summary>
public sealed record ThresholdBreach(string Threshold, double Canary, double? Stable, double Limit);

/// <summary>One entry of the analysis history: when, over which window, both versions' values, the thresholds and the verdict.</summary>
public sealed record AnalysisCheck
{
    public required DateTimeOffset Time { get; init; }

    /// <summary>The release attempt the check belongs to (stamped by the state machine when it records the check).</summary>
    public int Attempt { get; init; }

    public required double WindowSeconds { get; init; }

    public int? Step { get; init; }

    public required int Weight { get; init; }

    public required VersionMetrics Stable { get; init; }

    public required VersionMetrics Canary { get; init; }

    public AppliedThresholds? Thresholds { get; init; }

    public required Verdict Verdict { get; init; }

    public string? Reason { get; init; }

    public ValueList<ThresholdBreach> Breaches { get; init; } = [];
}
