using Bunit;
using Kubemate.Cluster.Apply;
using Kubemate.WebConsole.Onboarding;
using Kubemate.Application.Onboarding;

namespace Kubemate.WebConsole.Tests.Onboarding;

public sealed class OnboardingPlanViewTests : ConsoleTestContext
{
    private static readonly OnboardingPlan UsersPlan = new(
        "users",
        true,
        new ObjectDiff("metadata:\n  name: users\n", "metadata:\n  annotations:\n    linkerd.io/inject: enabled\n  name: users\n"),
        [new PlannedRestart("Deployment", "users", 2, 0), new PlannedRestart("Deployment", "notifications", 1, 0)],
        [new SkippedWorkload("Deployment", "batch", SkipReasons.InjectDisabled) { Detail = "linkerd.io/inject: disabled on the pod template" }]);

    [Fact]
    public void Preview_lists_the_workloads_that_restart_with_their_pods()
    {
        var view = Render<OnboardingPlanView>(p => p.Add(v => v.Plan, UsersPlan));

        var rows = view.FindAll("[data-testid=plan-restart]").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.StartsWith("Deployment/users2", rows[0]);
        Assert.StartsWith("Deployment/notifications1", rows[1]);
        Assert.Contains("namespace users", view.Find("[data-testid=plan-summary]").TextContent);
    }

    [Fact]
    public void Preview_explains_why_a_workload_is_skipped_in_words_with_the_server_detail_on_hover()
    {
        var view = Render<OnboardingPlanView>(p => p.Add(v => v.Plan, UsersPlan));

        var skip = view.Find("[data-testid=plan-skip]");
        Assert.Contains("Deployment/batch", skip.TextContent);
        Assert.Contains("The workload opts out of injection", skip.TextContent);
        Assert.Equal("linkerd.io/inject: disabled on the pod template", skip.QuerySelector("td[title]")!.GetAttribute("title"));
    }

    [Fact]
    public void Preview_shows_the_injection_annotation_as_an_added_line()
    {
        var view = Render<OnboardingPlanView>(p => p.Add(v => v.Plan, UsersPlan));

        var added = view.FindAll(".km-diff-added").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains("+   annotations:", added);
        Assert.Contains("+     linkerd.io/inject: enabled", added);
        Assert.Empty(view.FindAll(".km-diff-removed"));
    }

    [Fact]
    public void Preview_says_so_when_nothing_restarts()
    {
        var plan = UsersPlan with { Restarts = [], Skipped = [] };

        var view = Render<OnboardingPlanView>(p => p.Add(v => v.Plan, plan));

        Assert.Equal("No workload needs a restart.", view.Find("[data-testid=plan-no-restarts]").TextContent);
        Assert.Empty(view.FindAll("[data-testid=plan-skipped]"));
    }

    [Fact]
    public void Preview_is_in_chinese_when_the_culture_is_chinese()
    {
        UseCulture("zh-CN");

        var view = Render<OnboardingPlanView>(p => p.Add(v => v.Plan, UsersPlan));

        Assert.Contains("为命名空间 users 开启网格", view.Find("[data-testid=plan-summary]").TextContent);
        Assert.Contains("该工作负载已选择不注入", view.Find("[data-testid=plan-skip]").TextContent);
    }
}
