using Kubemate.Cluster.Apply;
using Kubemate.WebConsole.Onboarding;
using Kubemate.Application.Onboarding;

namespace Kubemate.WebConsole.Tests.Onboarding;

public sealed class OnboardingProgressTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static readonly OnboardingPlan Plan = new(
        "users", true, new ObjectDiff("", ""),
        [new PlannedRestart("Deployment", "users", 2, 0), new PlannedRestart("Deployment", "notifications", 1, 0)],
        [new SkippedWorkload("Deployment", "batch", SkipReasons.InjectDisabled)]);

    private static OnboardingEvent Event(long sequence, OnboardingEventType type, string? workload = null, int meshed = 0, int total = 0, string? message = null) =>
        new(sequence, At, type, workload is null ? null : "Deployment", workload, meshed, total, message);

    [Fact]
    public void Rows_start_in_plan_order_with_skipped_workloads_last()
    {
        var progress = OnboardingProgress.FromPlan(Plan);

        Assert.Equal(["Deployment/users", "Deployment/notifications", "Deployment/batch"], progress.Workloads.Select(w => w.Key));
        Assert.Equal([WorkloadProgressState.Waiting, WorkloadProgressState.Waiting, WorkloadProgressState.Skipped], progress.Workloads.Select(w => w.State));
    }

    [Fact]
    public void Rows_keep_their_place_while_workloads_restart_and_finish_out_of_order()
    {
        var progress = OnboardingProgress.FromPlan(Plan)
            .Apply(Event(1, OnboardingEventType.Started))
            .Apply(Event(2, OnboardingEventType.Restarting, "notifications", 0, 1))
            .Apply(Event(3, OnboardingEventType.WorkloadDone, "notifications", 1, 1))
            .Apply(Event(4, OnboardingEventType.Progress, "users", 1, 2));

        Assert.Equal(["Deployment/users", "Deployment/notifications", "Deployment/batch"], progress.Workloads.Select(w => w.Key));
        Assert.Equal((WorkloadProgressState.Restarting, 1, 2), (progress.Workloads[0].State, progress.Workloads[0].MeshedPods, progress.Workloads[0].TotalPods));
        Assert.Equal(WorkloadProgressState.Done, progress.Workloads[1].State);
        Assert.False(progress.Finished);
    }

    [Fact]
    public void A_workload_the_plan_did_not_name_is_added_before_the_skipped_ones()
    {
        var progress = OnboardingProgress.FromPlan(Plan).Apply(Event(1, OnboardingEventType.Restarting, "late", 0, 3));

        Assert.Equal(["Deployment/users", "Deployment/notifications", "Deployment/late", "Deployment/batch"], progress.Workloads.Select(w => w.Key));
    }

    [Fact]
    public void Events_already_applied_are_ignored()
    {
        var progress = OnboardingProgress.FromPlan(Plan)
            .Apply(Event(5, OnboardingEventType.WorkloadDone, "users", 2, 2))
            .Apply(Event(4, OnboardingEventType.WorkloadFailed, "users", 0, 2, "timed out"));

        Assert.Equal(WorkloadProgressState.Done, progress.Workloads[0].State);
        Assert.Equal(5, progress.LastSequence);
    }

    [Fact]
    public void The_last_event_finishes_the_run_with_its_message()
    {
        var completed = OnboardingProgress.FromPlan(Plan).Apply(Event(9, OnboardingEventType.Completed, message: "2 workloads meshed"));
        var failed = OnboardingProgress.FromPlan(Plan).Apply(Event(2, OnboardingEventType.Failed, message: "namespaces \"users\" is forbidden"));

        Assert.Equal((OnboardingRunState.Completed, "2 workloads meshed"), (completed.State, completed.Message));
        Assert.Equal(OnboardingRunState.Failed, failed.State);
        Assert.True(failed.Finished);
    }
}
