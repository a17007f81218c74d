using Kubemate.Application.Canary.Analysis;
using Kubemate.Application.Canary.Resource;
using Kubemate.Telemetry.Golden;

namespace Kubemate.Application.Tests.Canary;

/// <summary>Checks judged by the real analysis from golden metrics of a 30 s window.</summary>
internal static class CanaryChecks
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    /// <summary>Stable: 1 000 requests, 99.9 % success, p99 200 ms.</summary>
    public static readonly GoldenMetrics Stable = Metrics(999, 1, 200);

    public static GoldenMetrics Metrics(double successes, double failures, double? p99Ms) =>
        GoldenMetrics.From(successes, failures, Window, p99: p99Ms);

    public static AnalysisCheck Judged(DateTimeOffset time, int? step, int weight, GoldenMetrics canary) =>
        CanaryAnalysis.Check(time, Window, step, weight, Stable, canary, CanaryReleases.Analysis);

    public static AnalysisCheck Passing(DateTimeOffset time, int? step, int weight) => Judged(time, step, weight, Metrics(100, 0, 210));

    /// <summary>5 % of the canary's requests fail.</summary>
    public static AnalysisCheck Failing(DateTimeOffset time, int? step, int weight) => Judged(time, step, weight, Metrics(95, 5, 210));

    /// <summary>A healthy canary that served 3 requests in the window.</summary>
    public static AnalysisCheck Quiet(DateTimeOffset time, int? step, int weight) => Judged(time, step, weight, Metrics(3, 0, 180));
}
