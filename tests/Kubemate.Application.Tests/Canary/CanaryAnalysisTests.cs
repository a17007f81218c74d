using Kubemate.Application.Canary.Analysis;
using Kubemate.Application.Canary.Resource;
using Kubemate.Telemetry.Golden;
using static Kubemate.Application.Tests.Canary.CanaryChecks;

namespace Kubemate.Application.Tests.Canary;

/// <summary>Each verdict of a check, which threshold a failure names with both versions' values, and the edges.</summary>
public sealed class CanaryAnalysisTests
{
    private static readonly AnalysisSpec Thresholds = CanaryReleases.Analysis;

    [Fact]
    public void A_canary_as_good_as_stable_passes()
    {
        var (verdict, _, breaches) = CanaryAnalysis.Judge(Stable, Metrics(999, 1, 210), Thresholds, 5);
        Assert.Equal(Verdict.Pass, verdict);
        Assert.Empty(breaches);
    }

    [Fact]
    public void Too_few_canary_requests_is_its_own_verdict_even_when_every_one_failed()
    {
        var (verdict, reason, breaches) = CanaryAnalysis.Judge(Stable, Metrics(0, 19, 9000), Thresholds, 5);
        Assert.Equal(Verdict.NotEnoughRequests, verdict);
        Assert.Contains("19 requests", reason);
        Assert.Empty(breaches);
    }

    [Fact]
    public void Exactly_the_minimum_of_requests_is_judged()
    {
        Assert.Equal(Verdict.Pass, CanaryAnalysis.Judge(Stable, Metrics(20, 0, 210), Thresholds, 5).Verdict);
        Assert.Equal(Verdict.Fail, CanaryAnalysis.Judge(Stable, Metrics(19, 1, 210), Thresholds, 5).Verdict);
    }

    [Fact]
    public void A_success_rate_below_the_minimum_fails_naming_the_threshold_and_the_canary_value()
    {
        var (verdict, reason, breaches) = CanaryAnalysis.Judge(Stable, Metrics(95, 5, 210), Thresholds with { SuccessRate = new(Min: 0.99) }, 5);
        Assert.Equal(Verdict.Fail, verdict);
        var breach = Assert.Single(breaches);
        Assert.Equal(new ThresholdBreach("successRate.min", 0.95, null, 0.99), breach);
        Assert.Contains("successRate.min: canary 0.95 (limit 0.99)", reason);
    }

    [Fact]
    public void A_success_rate_falling_further_below_stable_than_allowed_fails_with_both_values()
    {
        var stable = Metrics(990, 10, 200);
        var analysis = Thresholds with { SuccessRate = new(MaxDrop: 0.01), LatencyP99 = null };
        Assert.Equal(Verdict.Pass, CanaryAnalysis.Judge(stable, Metrics(98, 2, 200), analysis, 5).Verdict);

        var (verdict, reason, breaches) = CanaryAnalysis.Judge(stable, Metrics(97, 3, 200), analysis, 5);
        Assert.Equal(Verdict.Fail, verdict);
        var breach = Assert.Single(breaches);
        Assert.Equal("successRate.maxDrop", breach.Threshold);
        Assert.Equal(0.97, breach.Canary, 9);
        Assert.Equal(0.99, breach.Stable!.Value, 9);
        Assert.Contains("canary 0.97 against stable 0.99", reason);
    }

    [Fact]
    public void A_canary_exactly_at_a_limit_passes()
    {
        var analysis = Thresholds with { SuccessRate = new(Min: 0.99, MaxDrop: 0.01), LatencyP99 = new(MaxMs: 300, MaxRatio: 1.5) };
        Assert.Equal(Verdict.Pass, CanaryAnalysis.Judge(Metrics(1000, 0, 200), Metrics(99, 1, 300), analysis, 5).Verdict);
    }

    [Fact]
    public void A_p99_over_the_absolute_limit_fails()
    {
        var (verdict, _, breaches) = CanaryAnalysis.Judge(Stable, Metrics(100, 0, 501), Thresholds with { LatencyP99 = new(MaxMs: 500) }, 5);
        Assert.Equal(Verdict.Fail, verdict);
        Assert.Equal(new ThresholdBreach("latencyP99.maxMs", 501, null, 500), Assert.Single(breaches));
    }

    [Fact]
    public void A_p99_more_than_the_ratio_above_stable_fails_with_both_values()
    {
        var (verdict, reason, breaches) = CanaryAnalysis.Judge(Stable, Metrics(100, 0, 400), Thresholds with { LatencyP99 = new(MaxRatio: 1.5) }, 5);
        Assert.Equal(Verdict.Fail, verdict);
        Assert.Equal(new ThresholdBreach("latencyP99.maxRatio", 400, 200, 300), Assert.Single(breaches));
        Assert.Contains("latencyP99.maxRatio: canary 400 against stable 200 (limit 300)", reason);
    }

    [Fact]
    public void Every_broken_threshold_is_named()
    {
        var (verdict, _, breaches) = CanaryAnalysis.Judge(Stable, Metrics(90, 10, 900), Thresholds, 5);
        Assert.Equal(Verdict.Fail, verdict);
        Assert.Equal(["successRate.min", "latencyP99.maxMs", "successRate.maxDrop", "latencyP99.maxRatio"], breaches.Select(b => b.Threshold));
    }

    [Fact]
    public void A_bad_canary_fails_on_absolute_thresholds_even_when_stable_is_too_quiet_to_compare()
    {
        var quietStable = Metrics(5, 0, 200);
        Assert.Equal(Verdict.Fail, CanaryAnalysis.Judge(quietStable, Metrics(80, 20, 210), Thresholds, 50).Verdict);
        var (verdict, reason, _) = CanaryAnalysis.Judge(quietStable, Metrics(100, 0, 210), Thresholds, 50);
        Assert.Equal(Verdict.NotEnoughRequests, verdict);
        Assert.Contains("stable served 5 requests", reason);
    }

    [Fact]
    public void A_missing_p99_is_not_enough_data_never_a_failure()
    {
        var (verdict, reason, _) = CanaryAnalysis.Judge(Stable, Metrics(100, 0, null), Thresholds, 5);
        Assert.Equal(Verdict.NotEnoughRequests, verdict);
        Assert.Contains("no p99", reason);
        Assert.Equal(Verdict.NotEnoughRequests, CanaryAnalysis.Judge(Metrics(999, 1, null), Metrics(100, 0, 210), Thresholds, 5).Verdict);
    }

    [Fact]
    public void The_request_rate_guard_fails_a_canary_drawing_more_requests_than_its_weight_explains()
    {
        var analysis = Thresholds with { RequestRate = new(2) };
        var stable = Metrics(950, 0, 200);
        Assert.Equal(Verdict.Pass, CanaryAnalysis.Judge(stable, Metrics(100, 0, 200), analysis, 5).Verdict);
        var (verdict, _, breaches) = CanaryAnalysis.Judge(stable, Metrics(101, 0, 200), analysis, 5);
        Assert.Equal(Verdict.Fail, verdict);
        Assert.Equal("requestRate.maxRatio", Assert.Single(breaches).Threshold);
    }

    [Fact]
    public void The_request_rate_guard_does_not_apply_without_a_weight()
    {
        var analysis = Thresholds with { RequestRate = new(2) };
        Assert.Equal(Verdict.Pass, CanaryAnalysis.Judge(Metrics(950, 0, 200), Metrics(500, 0, 200), analysis, null).Verdict);
    }

    [Fact]
    public void A_check_records_the_window_both_versions_values_the_thresholds_and_the_verdict()
    {
        var time = new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
        var check = CanaryAnalysis.Check(time, Window, 1, 25, Stable, Metrics(95, 5, 210), Thresholds);
        Assert.Equal(time, check.Time);
        Assert.Equal(30, check.WindowSeconds);
        Assert.Equal((1, 25), (check.Step, check.Weight));
        Assert.Equal(new VersionMetrics(1000, 1000 / 30.0, 0.999, 200), check.Stable);
        Assert.Equal(new VersionMetrics(100, 100 / 30.0, 0.95, 210), check.Canary);
        Assert.Equal(new AppliedThresholds(20, 0.99, 0.01, 500, 1.5), check.Thresholds);
        Assert.Equal(Verdict.Fail, check.Verdict);
        Assert.Equal(["successRate.min", "successRate.maxDrop"], check.Breaches.Select(b => b.Threshold));
    }
}
