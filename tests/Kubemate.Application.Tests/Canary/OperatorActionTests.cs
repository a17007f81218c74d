using Kubemate.Application.Canary.Resource;
using Kubemate.Application.Canary.StateMachine;
using static Kubemate.Application.Tests.Canary.CanaryReleases;

namespace Kubemate.Application.Tests.Canary;

/// <summary>Set weight, pause, resume, approve, promote now, roll back now, restart analysis; and what each refuses.</summary>
public sealed class OperatorActionTests
{
    private static readonly TimeSpan TenSeconds = TimeSpan.FromSeconds(10);

    [Fact]
    public void In_manual_mode_a_person_sets_each_weight_and_promotes()
    {
        var release = new ReleaseDriver(Manual());
        Assert.Equal((ReleasePhase.Progressing, 0), (release.Evaluate().Status.Phase, release.Last!.Traffic.CanaryWeight));
        Assert.Equal(5, release.SetWeight(5).Traffic.CanaryWeight);
        release.PassStep(TimeSpan.FromHours(1));
        Assert.Equal((ReleasePhase.Progressing, 5), (release.Status.Phase, release.Status.CurrentWeight));
        Assert.Equal(50, release.SetWeight(50).Traffic.CanaryWeight);

        Assert.Equal(new DesiredTraffic(100, false), release.Act(new ReleaseAction.PromoteNow()).Traffic);
        Assert.Equal(ReleasePhase.Succeeded, release.After(TenSeconds).Status.Phase);
    }

    [Fact]
    public void A_manual_release_starts_at_the_weight_its_spec_gives()
    {
        var release = new ReleaseDriver(Manual() with { Weight = 5 });
        Assert.Equal(new DesiredTraffic(5, false), release.Evaluate().Traffic);
        Assert.Contains(release.Transitions, t => t.Reason == "Started" && t.Message.Contains("now 5 %", StringComparison.Ordinal));
        Assert.DoesNotContain(release.Transitions, t => t.Reason == "WeightSet");
    }

    [Fact]
    public void A_manual_release_waiting_for_a_person_never_reaches_its_deadline()
    {
        var release = new ReleaseDriver(Manual());
        release.Evaluate();
        release.After(TimeSpan.FromHours(3));
        Assert.Equal(ReleasePhase.Progressing, release.Status.Phase);
    }

    [Fact]
    public void A_manual_release_is_still_judged_and_rolled_back_by_failed_checks()
    {
        var release = new ReleaseDriver(Manual());
        release.Evaluate();
        release.SetWeight(10);
        release.CheckAfter(TenSeconds, CanaryChecks.Failing);
        Assert.Equal(ReleasePhase.RolledBack, release.CheckAfter(TenSeconds, CanaryChecks.Failing).Status.Phase);
    }

    [Fact]
    public void Pause_holds_the_step_past_its_pause_and_the_deadline_and_resume_moves_on()
    {
        var release = new ReleaseDriver(Progressive());
        release.Evaluate();
        release.CheckAfter(TenSeconds, CanaryChecks.Passing);
        Assert.True(release.Act(new ReleaseAction.Pause()).Status.Paused);
        release.After(TimeSpan.FromHours(1));
        Assert.Equal((ReleasePhase.Progressing, 0), (release.Status.Phase, release.Status.CurrentStep));

        var resumed = release.Act(new ReleaseAction.Resume());
        Assert.False(resumed.Status.Paused);
        Assert.Equal(1, resumed.Status.CurrentStep);
    }

    [Fact]
    public void Promote_now_skips_the_remaining_steps_and_gates()
    {
        var release = new ReleaseDriver(Progressive(Step(5), Step(25, approval: true)) with { Approval = new(BeforePromotion: true) });
        release.Evaluate();
        var promoted = release.Act(new ReleaseAction.PromoteNow());
        Assert.Equal((ReleasePhase.Promoting, "PromotedByOperator"), (promoted.Status.Phase, promoted.Transitions.Single().Reason));
        Assert.Equal(100, promoted.Traffic.CanaryWeight);
    }

    [Fact]
    public void Roll_back_now_sends_all_requests_to_stable_in_one_decision_even_after_success()
    {
        var release = new ReleaseDriver(Progressive());
        release.Evaluate();
        var rolledBack = release.Act(new ReleaseAction.RollBackNow());
        Assert.Equal((ReleasePhase.RolledBack, 0), (rolledBack.Status.Phase, rolledBack.Traffic.CanaryWeight));

        var succeeded = new ReleaseDriver(Manual());
        succeeded.Evaluate();
        succeeded.Act(new ReleaseAction.PromoteNow());
        succeeded.After(TenSeconds);
        Assert.Equal(0, succeeded.Act(new ReleaseAction.RollBackNow()).Traffic.CanaryWeight);
    }

    [Fact]
    public void Restart_analysis_forgets_the_failed_checks_of_a_running_release()
    {
        var release = new ReleaseDriver(Progressive());
        release.Evaluate();
        release.CheckAfter(TenSeconds, CanaryChecks.Failing);
        Assert.Equal(0, release.Act(new ReleaseAction.RestartAnalysis()).Status.FailedChecks);
        Assert.Equal(ReleasePhase.Progressing, release.CheckAfter(TenSeconds, CanaryChecks.Failing).Status.Phase);
    }

    [Fact]
    public void A_rolled_back_release_is_retried_by_restart_analysis_as_a_new_attempt()
    {
        var release = new ReleaseDriver(Progressive());
        release.Evaluate();
        release.CheckAfter(TenSeconds, CanaryChecks.Failing);
        release.CheckAfter(TenSeconds, CanaryChecks.Failing);
        Assert.Equal(ReleasePhase.RolledBack, release.Status.Phase);

        var retried = release.Act(new ReleaseAction.RestartAnalysis());
        Assert.Equal((ReleasePhase.Progressing, 2, 0, 5), (retried.Status.Phase, retried.Status.Attempt, retried.Status.FailedChecks, retried.Traffic.CanaryWeight));
        Assert.Equal(["RetriedByOperator", "Started"], retried.Transitions.Select(t => t.Reason));
        release.CheckAfter(TenSeconds, CanaryChecks.Passing);
        Assert.Equal([1, 1, 2], release.Status.History.Select(c => c.Attempt));
    }

    [Fact]
    public void A_failed_release_is_retried_when_its_spec_changes()
    {
        var release = new ReleaseDriver(Progressive());
        release.Evaluate(CrashLooping);
        release.After(TenSeconds);
        Assert.Equal(ReleasePhase.RolledBack, release.Status.Phase);

        release.Generation = 2;
        var retried = release.After(TenSeconds);
        Assert.Equal((ReleasePhase.Progressing, 2, 2L), (retried.Status.Phase, retried.Status.Attempt, retried.Status.ObservedGeneration));
        Assert.Equal("SpecChanged", retried.Transitions[0].Reason);
    }

    [Fact]
    public void A_refused_action_names_the_reason()
    {
        var progressive = new ReleaseDriver(Progressive());
        progressive.Evaluate();
        AssertRefused(progressive, new ReleaseAction.Approve(), "approve: nothing waits for approval: the release is Progressing");
        AssertRefused(progressive, new ReleaseAction.Resume(), "resume: the release is not paused");
        progressive.Act(new ReleaseAction.Pause());
        AssertRefused(progressive, new ReleaseAction.Pause(), "pause: the release is paused already");
        progressive.Act(new ReleaseAction.RollBackNow());
        AssertRefused(progressive, new ReleaseAction.RollBackNow(), "rollback: all requests go to stable already (RolledBack)");
        AssertRefused(progressive, new ReleaseAction.PromoteNow(), "promote: the release has ended (RolledBack); restart-analysis retries it");
        AssertRefused(progressive, new ReleaseAction.Pause(), "pause: the release has ended (RolledBack)");

        var manual = new ReleaseDriver(Manual());
        manual.Evaluate();
        manual.Act(new ReleaseAction.PromoteNow());
        AssertRefused(manual, new ReleaseAction.PromoteNow(), "promote: the canary is promoted already (Promoting)");
        AssertRefused(manual, new ReleaseAction.RestartAnalysis(), "restart-analysis: no analysis runs while the release is Promoting");
    }

    private static void AssertRefused(ReleaseDriver release, ReleaseAction action, string message)
    {
        var before = release.Status;
        var refused = Assert.Throws<ReleaseActionRefusedException>(() => release.Act(action));
        Assert.Equal(message, refused.Message);
        Assert.Same(before, release.Status);
    }
}
