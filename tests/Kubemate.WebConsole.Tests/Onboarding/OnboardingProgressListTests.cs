using Bunit;
using Kubemate.Cluster.Apply;
using Kubemate.WebConsole.Onboarding;
using Kubemate.Application.Onboarding;

namespace Kubemate.WebConsole.Tests.Onboarding;

public sealed class OnboardingProgressListTests : ConsoleTestContext
{
    private static readonly OnboardingPlan Plan = new(
        "users", true, new ObjectDiff("", ""),
        [new PlannedRestart("Deployment", "users", 2, 0), new PlannedRestart("Deployment", "notifications", 1, 0)],
        [new SkippedWorkload("Deployment", "batch", SkipReasons.HostNetwork)]);

    [Fact]
    public void List_shows_each_workload_in_order_with_its_state_and_skip_reason()
    {
        var progress = OnboardingProgress.FromPlan(Plan)
            .Apply(new OnboardingEvent(1, DateTimeOffset.UnixEpoch, OnboardingEventType.WorkloadDone, "Deployment", "notifications", 1, 1, null));

        var list = Render<OnboardingProgressList>(p => p.Add(l => l.Progress, progress));

        var rows = list.FindAll("[data-testid=progress-row]");
        Assert.Equal(["Deployment/users", "Deployment/notifications", "Deployment/batch"], rows.Select(r => r.GetAttribute("data-workload")));
        Assert.Equal(["Waiting", "Done", "Skipped"], rows.Select(r => r.GetAttribute("data-state")));
        Assert.Contains("Uses the node's network", rows[2].TextContent);
        Assert.Equal("Turning the mesh on for users…", list.Find("[data-testid=progress-title]").TextContent);
    }

    [Fact]
    public void A_failed_workload_shows_the_server_reason_and_a_done_one_no_english_detail()
    {
        var progress = OnboardingProgress.FromPlan(Plan)
            .Apply(new OnboardingEvent(1, DateTimeOffset.UnixEpoch, OnboardingEventType.WorkloadDone, "Deployment", "notifications", 1, 1, "1/1 pods meshed"))
            .Apply(new OnboardingEvent(2, DateTimeOffset.UnixEpoch, OnboardingEventType.WorkloadFailed, "Deployment", "users", 1, 2, "rollout timed out"));

        var rows = Render<OnboardingProgressList>(p => p.Add(l => l.Progress, progress)).FindAll("[data-testid=progress-row]");

        Assert.EndsWith("rollout timed out", rows[0].TextContent.Trim());
        Assert.DoesNotContain("pods meshed", rows[1].TextContent);
    }

    [Fact]
    public void A_finished_run_says_so_and_can_be_closed()
    {
        var closed = false;
        var progress = OnboardingProgress.FromPlan(Plan)
            .Apply(new OnboardingEvent(1, DateTimeOffset.UnixEpoch, OnboardingEventType.Completed, null, null, 0, 0, null));

        var list = Render<OnboardingProgressList>(p => p.Add(l => l.Progress, progress).Add(l => l.OnClose, () => closed = true));

        Assert.Equal("The mesh is on for users", list.Find("[data-testid=progress-title]").TextContent);
        Assert.Equal("0 restarted, 0 failed, 1 skipped", list.Find("[data-testid=progress-summary]").TextContent);
        list.Find("[data-testid=progress-close]").Click();
        Assert.True(closed);
    }
}
