using Kubemate.Application.Canary.Resource;
using Kubemate.Application.Canary.StateMachine;
using Kubemate.Model.Validation;
using static Kubemate.Application.Tests.Canary.CanaryReleases;

namespace Kubemate.Application.Tests.Canary;

/// <summary>A progressive release walks its steps, each held for its pause and until a check passes, then promotes.</summary>
public sealed class ProgressiveReleaseTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan TenSeconds = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_healthy_canary_walks_every_step_then_is_promoted_and_succeeds()
    {
        var release = new ReleaseDriver(Progressive());
        var first = release.Evaluate();
        Assert.Equal((ReleasePhase.Progressing, 0), (first.Status.Phase, first.Status.CurrentStep));
        Assert.Equal(new DesiredTraffic(5, false), first.Traffic);

        release.PassStep(Minute);
        Assert.Equal((1, 25), (release.Status.CurrentStep, release.Status.CurrentWeight));
        release.PassStep(Minute);
        Assert.Equal((2, 50), (release.Status.CurrentStep, release.Status.CurrentWeight));
        release.PassStep(Minute);
        Assert.Equal(ReleasePhase.Promoting, release.Status.Phase);
        Assert.Equal(new DesiredTraffic(100, false), release.Last!.Traffic);

        var done = release.After(TenSeconds);
        Assert.Equal(ReleasePhase.Succeeded, done.Status.Phase);
        Assert.Equal(100, done.Status.CurrentWeight);
        Assert.Equal(["Created", "Started", "StepAdvanced", "StepAdvanced", "StepsCompleted", "Promoted"], release.Transitions.Select(t => t.Reason));
        var conditions = done.Status.Conditions.ToDictionary(c => c.Type, c => c.Status);
        Assert.Equal(ConditionStatus.True, conditions[ReleasePhase.Succeeded]);
        Assert.All(conditions.Where(c => c.Key != ReleasePhase.Succeeded), c => Assert.Equal(ConditionStatus.False, c.Value));
        Assert.Equal(18, done.Status.History.Count);
        Assert.All(done.Status.History, c => Assert.Equal(Verdict.Pass, c.Verdict));
    }

    [Fact]
    public void A_step_is_held_for_its_pause_even_when_checks_pass()
    {
        var release = new ReleaseDriver(Progressive());
        release.Evaluate();
        release.CheckAfter(TimeSpan.FromSeconds(59), CanaryChecks.Passing);
        Assert.Equal((ReleasePhase.Progressing, 0), (release.Status.Phase, release.Status.CurrentStep));
        release.After(TimeSpan.FromSeconds(1));
        Assert.Equal(1, release.Status.CurrentStep);
    }

    [Fact]
    public void A_step_past_its_pause_is_held_until_a_check_passes()
    {
        var release = new ReleaseDriver(Progressive());
        release.Evaluate();
        release.After(2 * Minute);
        Assert.Equal(0, release.Status.CurrentStep);
        release.CheckAfter(TenSeconds, CanaryChecks.Passing);
        Assert.Equal(1, release.Status.CurrentStep);
    }

    [Fact]
    public void A_failed_check_holds_the_step_until_a_later_check_passes()
    {
        var release = new ReleaseDriver(Progressive());
        release.Evaluate();
        release.CheckAfter(TenSeconds, CanaryChecks.Passing);
        release.CheckAfter(Minute, CanaryChecks.Failing);
        Assert.Equal((ReleasePhase.Progressing, 0, 1), (release.Status.Phase, release.Status.CurrentStep, release.Status.FailedChecks));
        release.CheckAfter(TenSeconds, CanaryChecks.Passing);
        Assert.Equal(1, release.Status.CurrentStep);
    }

    [Fact]
    public void A_pass_judged_on_an_earlier_step_does_not_pass_the_current_one()
    {
        var release = new ReleaseDriver(Progressive());
        release.Evaluate();
        release.PassStep(Minute);
        release.Clock.Advance(2 * Minute);
        release.Evaluate(check: CanaryChecks.Passing(release.Now, step: 0, weight: 5));
        Assert.Equal((1, false), (release.Status.CurrentStep, release.Status.StepPassed));
    }

    [Fact]
    public void A_healthy_canary_at_very_low_traffic_is_held_never_rolled_back_and_completes_once_requests_come()
    {
        var release = new ReleaseDriver(Progressive());
        release.Evaluate();
        for (var i = 0; i < 360; i++)
        {
            release.CheckAfter(TenSeconds, CanaryChecks.Quiet);
        }
        Assert.Equal((ReleasePhase.Progressing, 0, 5, 0), (release.Status.Phase, release.Status.CurrentStep, release.Status.CurrentWeight, release.Status.FailedChecks));
        Assert.Equal(CanaryReleaseStatus.HistoryLimit, release.Status.History.Count);
        Assert.All(release.Status.History, c => Assert.Equal(Verdict.NotEnoughRequests, c.Verdict));

        for (var step = 0; step < 3; step++)
        {
            release.PassStep(Minute);
        }
        release.After(TenSeconds);
        Assert.Equal(ReleasePhase.Succeeded, release.Status.Phase);
        Assert.DoesNotContain(release.Transitions, t => t.To is ReleasePhase.RolledBack or ReleasePhase.Failed);
    }

    [Fact]
    public void A_step_without_a_pause_ends_at_its_first_passing_check()
    {
        var release = new ReleaseDriver(Progressive(new ReleaseStep { Weight = 10 }, new ReleaseStep { Weight = 20 }));
        release.Evaluate();
        release.CheckAfter(TenSeconds, CanaryChecks.Passing);
        Assert.Equal(20, release.Status.CurrentWeight);
    }

    [Fact]
    public void Without_analysis_a_step_ends_when_its_pause_is_over()
    {
        var release = new ReleaseDriver(Progressive() with { Analysis = null });
        release.Evaluate();
        release.After(Minute);
        Assert.Equal(25, release.Status.CurrentWeight);
    }

    [Fact]
    public void A_gated_step_waits_for_approval_at_the_previous_weight_past_the_deadline_then_enters_on_approval()
    {
        var release = new ReleaseDriver(Progressive(Step(5), Step(25, approval: true)));
        release.Evaluate();
        release.PassStep(Minute);
        Assert.Equal((ReleasePhase.WaitingForApproval, 5), (release.Status.Phase, release.Status.CurrentWeight));

        release.After(TimeSpan.FromHours(1));
        Assert.Equal(ReleasePhase.WaitingForApproval, release.Status.Phase);

        var approved = release.Act(new ReleaseAction.Approve());
        Assert.Equal((ReleasePhase.Progressing, 1, 25), (approved.Status.Phase, approved.Status.CurrentStep, approved.Status.CurrentWeight));
    }

    [Fact]
    public void A_gate_on_the_first_step_holds_all_traffic_on_stable_until_approved()
    {
        var release = new ReleaseDriver(Progressive(Step(5, approval: true)));
        var waiting = release.Evaluate();
        Assert.Equal((ReleasePhase.WaitingForApproval, 0), (waiting.Status.Phase, waiting.Traffic.CanaryWeight));
        Assert.Equal(5, release.Act(new ReleaseAction.Approve()).Traffic.CanaryWeight);
    }

    [Fact]
    public void The_promotion_waits_for_approval_when_the_spec_asks()
    {
        var release = new ReleaseDriver(Progressive(Step(50)) with { Approval = new(BeforePromotion: true) });
        release.Evaluate();
        release.PassStep(Minute);
        Assert.Equal((ReleasePhase.WaitingForApproval, 50), (release.Status.Phase, release.Status.CurrentWeight));
        Assert.Equal(ReleasePhase.Promoting, release.Act(new ReleaseAction.Approve()).Status.Phase);
    }

    [Fact]
    public void No_progress_within_the_deadline_fails_the_release_and_sends_all_requests_to_stable()
    {
        var release = new ReleaseDriver(Progressive());
        release.Evaluate();
        release.After(TimeSpan.FromMinutes(10));
        Assert.Equal(ReleasePhase.Progressing, release.Status.Phase);

        var failed = release.After(TimeSpan.FromSeconds(1));
        Assert.Equal(ReleasePhase.Failed, failed.Status.Phase);
        Assert.Equal(new DesiredTraffic(0, false), failed.Traffic);
        Assert.Equal("ProgressDeadlineExceeded", Assert.Single(failed.Transitions).Reason);
    }

    [Fact]
    public void An_invalid_spec_is_refused_with_every_field_named_and_nothing_decided()
    {
        var release = new ReleaseDriver(Progressive(Step(50), Step(10)) with { Canary = "orders-v1" });
        var refused = Assert.Throws<ModelValidationException>(() => release.Evaluate());
        Assert.Equal(["spec.canary", "spec.steps[1].weight"], refused.Problems.Select(p => p.Path));
        Assert.Null(release.Last);
    }

    [Fact]
    public void A_check_is_due_an_interval_after_the_step_started_or_the_last_check()
    {
        var release = new ReleaseDriver(Progressive());
        Assert.False(release.Machine.CheckDue(release.Spec, release.Status));
        release.Evaluate();
        Assert.False(release.Machine.CheckDue(release.Spec, release.Status));
        release.Clock.Advance(TenSeconds);
        Assert.True(release.Machine.CheckDue(release.Spec, release.Status));
        release.Evaluate(check: CanaryChecks.Passing(release.Now, 0, 5));
        Assert.False(release.Machine.CheckDue(release.Spec, release.Status));
    }
}
