namespace Kubemate.Telemetry.Golden;

/// <summary>
/// Golden metrics over a window, defined as <c>linkerd viz stat</c> defines them: success rate =
/// success / (success + failure) of the mesh's responses counter, as its vocabulary judges success (null without
/// responses); RPS = (success + failure) / window seconds; latency quantiles (ms) from its latency histogram.
/// </summary>
public sealed record GoldenMetrics(double Successes, double Failures, double? SuccessRate, double Rps, double? LatencyP50Ms, double? LatencyP95Ms, double? LatencyP99Ms)
{
    public static readonly GoldenMetrics None = new(0, 0, null, 0, null, null, null);

    public double Responses => Successes + Failures;

    public static GoldenMetrics From(double successes, double failures, TimeSpan window, double? p50 = null, double? p95 = null, double? p99 = null)
    {
        var total = successes + failures;
        return new GoldenMetrics(successes, failures, total > 0 ? successes / total : null, total / window.TotalSeconds, p50, p95, p99);
    }
}
