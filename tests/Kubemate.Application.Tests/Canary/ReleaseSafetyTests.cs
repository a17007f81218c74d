using Kubemate.Application.Canary.Resource;
using Kubemate.Application.Canary.StateMachine;
using static Kubemate.Application.Tests.Canary.CanaryReleases;

namespace Kubemate.Application.Tests.Canary;

/// <summary>What rolls a release back, in one write of all traffic to stable, and what never does.</summary>
public sealed class ReleaseSafetyTests
{
    private static readonly TimeSpan TenSeconds = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_crash_looping_canary_is_rolled_back_before_any_metric_check()
    {
        var release = new ReleaseDriver(Progressive());
        release.Evaluate();
        var rolledBack = release.CheckAfter(TimeSpan.FromSeconds(2), CanaryChecks.Passing, CrashLooping);

        Assert.Equal(ReleasePhase.RolledBack, rolledBack.Status.Phase);
        Assert.Equal(new DesiredTraffic(0, false), rolledBack.Traffic);
        Assert.Empty(rolledBack.Status.History);
        var transition = Assert.Single(rolledBack.Transitions);
        Assert.Equal(("CanaryCrashLooping", "canary pods crash-looping: orders-v2-7d9f-abcde"), (transition.Reason, transition.Message));
    }

    [Fact]
    public void A_canary_crash_looping_from_the_start_never_gets_traffic()
    {
        var release = new ReleaseDriver(Progressive());
        var decision = release.Evaluate(CrashLooping);
        Assert.Equal((ReleasePhase.RolledBack, 0), (decision.Status.Phase, decision.Traffic.CanaryWeight));
        Assert.DoesNotContain(release.Transitions, t => t.To == ReleasePhase.Progressing);
    }

    [Fact]
    public void Canary_pods_not_ready_while_taking_requests_roll_the_release_back()
    {
        var release = new ReleaseDriver(Progressive());
        release.Evaluate();
        var decision = release.After(TenSeconds, NotReady);
        Assert.Equal((ReleasePhase.RolledBack, "CanaryNotReady"), (decision.Status.Phase, decision.Transitions.Single().Reason));
        Assert.Equal(0, decision.Traffic.CanaryWeight);
    }

    [Fact]
    public void A_promoting_canary_whose_pods_stop_being_ready_is_rolled_back()
    {
        var release = new ReleaseDriver(Progressive(Step(50)));
        release.Evaluate();
        release.PassStep(TimeSpan.FromMinutes(1));
        Assert.Equal(ReleasePhase.Promoting, release.Status.Phase);
        Assert.Equal(ReleasePhase.RolledBack, release.After(TenSeconds, NotReady).Status.Phase);
    }

    [Fact]
    public void Canary_pods_still_starting_hold_the_release_with_no_traffic_until_ready()
    {
        var release = new ReleaseDriver(Progressive());
        var waiting = release.Evaluate(NotReady);
        Assert.Equal((ReleasePhase.Initialized, 0), (waiting.Status.Phase, waiting.Traffic.CanaryWeight));
        release.After(TimeSpan.FromMinutes(5), NotReady);
        Assert.Equal(ReleasePhase.Initialized, release.Status.Phase);
        Assert.Equal(5, release.After(TenSeconds).Traffic.CanaryWeight);
    }

    [Fact]
    public void Canary_pods_never_ready_fail_the_release_at_the_deadline()
    {
        var release = new ReleaseDriver(Progressive() with { ProgressDeadline = "2m" });
        release.Evaluate(NotReady);
        release.After(TimeSpan.FromMinutes(2), NotReady);
        Assert.Equal(ReleasePhase.Initialized, release.Status.Phase);
        Assert.Equal(ReleasePhase.Failed, release.After(TimeSpan.FromSeconds(1), NotReady).Status.Phase);
    }

    [Fact]
    public void The_configured_number_of_failed_checks_rolls_back_in_one_write_naming_the_threshold_and_both_values()
    {
        var release = new ReleaseDriver(Progressive());
        release.Evaluate();
        var first = release.CheckAfter(TenSeconds, CanaryChecks.Failing);
        Assert.Equal((ReleasePhase.Progressing, 5, 1), (first.Status.Phase, first.Traffic.CanaryWeight, first.Status.FailedChecks));

        var second = release.CheckAfter(TenSeconds, CanaryChecks.Failing);
        Assert.Equal(ReleasePhase.RolledBack, second.Status.Phase);
        Assert.Equal(new DesiredTraffic(0, false), second.Traffic);
        var transition = Assert.Single(second.Transitions);
        Assert.Equal("AnalysisFailed", transition.Reason);
        Assert.Contains("2 failed checks", transition.Message);
        Assert.Contains("successRate.min: canary 0.95 (limit 0.99)", transition.Message);
        var last = second.Status.History[^1];
        Assert.Equal((Verdict.Fail, 0.95, 0.999), (last.Verdict, last.Canary.SuccessRate, last.Stable.SuccessRate));
        Assert.Equal(1, last.Attempt);
    }

    [Fact]
    public void Failed_checks_count_across_steps_within_one_attempt()
    {
        var release = new ReleaseDriver(Progressive());
        release.Evaluate();
        release.CheckAfter(TenSeconds, CanaryChecks.Failing);
        release.PassStep(TimeSpan.FromMinutes(1));
        Assert.Equal(1, release.Status.CurrentStep);
        Assert.Equal(ReleasePhase.RolledBack, release.CheckAfter(TenSeconds, CanaryChecks.Failing).Status.Phase);
    }

    [Fact]
    public void A_paused_release_still_rolls_back_a_crashing_canary()
    {
        var release = new ReleaseDriver(Progressive());
        release.Evaluate();
        release.Act(new ReleaseAction.Pause());
        Assert.Equal(ReleasePhase.RolledBack, release.After(TenSeconds, CrashLooping).Status.Phase);
    }

    [Fact]
    public void An_ended_release_ignores_pods_and_checks()
    {
        var release = new ReleaseDriver(Progressive());
        release.Evaluate(CrashLooping);
        var after = release.CheckAfter(TenSeconds, CanaryChecks.Failing, CrashLooping);
        Assert.Empty(after.Transitions);
        Assert.Empty(after.Status.History);
        Assert.Equal(ReleasePhase.RolledBack, after.Status.Phase);
    }
}
