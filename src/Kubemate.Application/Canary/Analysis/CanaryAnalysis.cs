using Kubemate.Application.Canary.Resource;
using Kubemate.Model.Collections;
using Kubemate.Telemetry.Golden;
using static System.FormattableString;

namespace Kubemate.Application.Canary.Analysis;

/// <summary>
/// Judges one check: the stable and canary golden metrics of one window against the spec's thresholds. Pure.
/// Too few canary requests (or no value for a threshold) is <see cref="Verdict.NotEnoughRequests"/>, never a failure;
/// a failure names every threshold broken. Absolute thresholds are judged even when stable is too quiet to compare
/// with, so a bad canary fails then too. Limits are inclusive: a canary exactly at a limit passes.
/// </summary>
public static class CanaryAnalysis
{
    /// <summary>Keeps a canary exactly at a limit on the passing side despite rounding (1.0 - 0.01 is not quite 0.99).</summary>
    private const double Tolerance = 1e-9;

    /// <summary>The history entry of one check of the window ending at <paramref name="time"/>.</summary>
    /// <param name="splitWeight">percent of requests the split sends to the canary; null in A/B mode, where the request-rate guard does not apply.</param>
    public static AnalysisCheck Check(DateTimeOffset time, TimeSpan window, int? step, int? splitWeight,
        GoldenMetrics stable, GoldenMetrics canary, AnalysisSpec analysis)
    {
        var (verdict, reason, breaches) = Judge(stable, canary, analysis, splitWeight);
        return new AnalysisCheck
        {
            Time = time,
            WindowSeconds = window.TotalSeconds,
            Step = step,
            Weight = splitWeight ?? 0,
            Stable = Values(stable),
            Canary = Values(canary),
            Thresholds = new AppliedThresholds(analysis.MinRequests, analysis.SuccessRate?.Min, analysis.SuccessRate?.MaxDrop,
                analysis.LatencyP99?.MaxMs, analysis.LatencyP99?.MaxRatio, analysis.RequestRate?.MaxRatio),
            Verdict = verdict,
            Reason = reason,
            Breaches = breaches,
        };
    }

    public static (Verdict Verdict, string Reason, ValueList<ThresholdBreach> Breaches) Judge(GoldenMetrics stable, GoldenMetrics canary, AnalysisSpec analysis, int? canaryWeight)
    {
        if (canary.Responses < analysis.MinRequests)
        {
            return (Verdict.NotEnoughRequests, Invariant($"the canary served {canary.Responses:0.##} requests in the window; a check needs {analysis.MinRequests}"), []);
        }
        var missing = MissingCanaryValue(canary, analysis);
        if (missing is not null)
        {
            return (Verdict.NotEnoughRequests, missing, []);
        }
        var stableMissing = MissingStableValue(stable, analysis, canaryWeight);
        var breaches = AbsoluteBreaches(canary, analysis)
            .Concat(stableMissing is null ? RelativeBreaches(stable, canary, analysis, canaryWeight) : [])
            .ToList();
        if (breaches.Count > 0)
        {
            return (Verdict.Fail, string.Join("; ", breaches.Select(Describe)), [.. breaches]);
        }
        return stableMissing is null ? (Verdict.Pass, "every threshold holds", []) : (Verdict.NotEnoughRequests, stableMissing, []);
    }

    /// <summary>Why the thresholds relative to stable cannot be judged, or null when they can (or there are none).</summary>
    private static string? MissingStableValue(GoldenMetrics stable, AnalysisSpec analysis, int? canaryWeight)
    {
        if (!NeedsStable(analysis, canaryWeight))
        {
            return null;
        }
        if (stable.Responses < analysis.MinRequests)
        {
            return Invariant($"stable served {stable.Responses:0.##} requests in the window; comparing with it needs {analysis.MinRequests}");
        }
        return analysis.LatencyP99?.MaxRatio is not null && stable.LatencyP99Ms is not > 0 ? "stable has no p99 latency in the window to compare with" : null;
    }

    private static string? MissingCanaryValue(GoldenMetrics canary, AnalysisSpec analysis)
    {
        if (canary.SuccessRate is null && analysis.SuccessRate is { Min: not null } or { MaxDrop: not null })
        {
            return "the canary has no success rate in the window";
        }
        if (canary.LatencyP99Ms is null && analysis.LatencyP99 is { MaxMs: not null } or { MaxRatio: not null })
        {
            return "the canary has no p99 latency in the window";
        }
        return null;
    }

    private static IEnumerable<ThresholdBreach> AbsoluteBreaches(GoldenMetrics canary, AnalysisSpec analysis)
    {
        if (analysis.SuccessRate?.Min is { } min && canary.SuccessRate is { } rate && Below(rate, min))
        {
            yield return new("successRate.min", rate, null, min);
        }
        if (analysis.LatencyP99?.MaxMs is { } maxMs && canary.LatencyP99Ms is { } p99 && Above(p99, maxMs))
        {
            yield return new("latencyP99.maxMs", p99, null, maxMs);
        }
    }

    private static bool NeedsStable(AnalysisSpec analysis, int? canaryWeight) =>
        analysis.SuccessRate?.MaxDrop is not null || analysis.LatencyP99?.MaxRatio is not null || RequestRateApplies(analysis, canaryWeight);

    private static bool RequestRateApplies(AnalysisSpec analysis, int? canaryWeight) =>
        analysis.RequestRate is not null && canaryWeight is > 0 and < 100;

    private static IEnumerable<ThresholdBreach> RelativeBreaches(GoldenMetrics stable, GoldenMetrics canary, AnalysisSpec analysis, int? canaryWeight)
    {
        if (analysis.SuccessRate?.MaxDrop is { } maxDrop && stable.SuccessRate is { } stableRate && canary.SuccessRate is { } rate && Below(rate, stableRate - maxDrop))
        {
            yield return new("successRate.maxDrop", rate, stableRate, stableRate - maxDrop);
        }
        if (analysis.LatencyP99?.MaxRatio is { } maxRatio && stable.LatencyP99Ms is { } stableP99 && canary.LatencyP99Ms is { } p99 && Above(p99, stableP99 * maxRatio))
        {
            yield return new("latencyP99.maxRatio", p99, stableP99, stableP99 * maxRatio);
        }
        if (RequestRateApplies(analysis, canaryWeight) && stable.Rps > 0)
        {
            var weight = canaryWeight!.Value;
            var canaryPerPercent = canary.Rps / weight;
            var stablePerPercent = stable.Rps / (100 - weight);
            var limit = stablePerPercent * analysis.RequestRate!.MaxRatio;
            if (Above(canaryPerPercent, limit))
            {
                yield return new("requestRate.maxRatio", canaryPerPercent, stablePerPercent, limit);
            }
        }
    }

    private static bool Below(double value, double limit) => value < limit - Tolerance;

    private static bool Above(double value, double limit) => value > limit + Tolerance;

    private static string Describe(ThresholdBreach breach) => breach.Stable is { } stable
        ? Invariant($"{breach.Threshold}: canary {breach.Canary:0.####} against stable {stable:0.####} (limit {breach.Limit:0.####})")
        : Invariant($"{breach.Threshold}: canary {breach.Canary:0.####} (limit {breach.Limit:0.####})");

    private static VersionMetrics Values(GoldenMetrics metrics) =>
        new(metrics.Responses, metrics.Rps, metrics.SuccessRate, metrics.LatencyP99Ms);
}
