using Bunit;
using Kubemate.WebConsole.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Kubemate.WebConsole.Tests.Telemetry;

/// <summary>The telemetry pages over live simulated traffic, read through the embedded store.</summary>
[Collection(TrafficSandboxCollection.Name)]
public sealed class LiveTelemetryPagesTests(TrafficSandboxFixture sandbox) : ConsoleTestContext("en")
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private void SignIn(string user)
    {
        AddTelemetryPageServices(sandbox.SessionOf(user), sandbox.Clusters, sandbox.Telemetry);
    }

    [Fact]
    public void The_topology_draws_the_demo_call_chain_and_a_click_opens_the_dashboard()
    {
        SignIn("alice");

        var page = Render<Topology>();

        page.WaitForElement("[data-edge='web/deployment/frontend->orders/deployment/orders']", Patience);
        Assert.NotNull(page.Find("[data-node-id='orders/deployment/inventory']"));
        Assert.All(page.FindAll("[data-testid='edge-label']"), label => Assert.Matches(@"rps · p99", label.TextContent));

        page.Find("[data-node-id='orders/deployment/orders']").Click();

        var navigation = Bunit.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Equal("http://localhost/workloads/orders/deployment/orders", navigation.Uri), Patience);
    }

    [Fact]
    public void A_team_member_sees_only_their_namespace_in_the_topology_and_other_callers_as_one_hidden_node()
    {
        SignIn("olivia");

        var page = Render<Topology>();

        page.WaitForElement("[data-node-id='orders/deployment/orders']", Patience);
        page.WaitForElement("[data-testid='topology-edge'][data-source='hidden'][data-target='orders/deployment/orders']", Patience);
        Assert.All(page.FindAll("[data-testid='topology-node']"), node =>
            Assert.True(node.GetAttribute("data-node-id")!.StartsWith("orders/", StringComparison.Ordinal) || node.GetAttribute("data-node-id") is "unmeshed" or "hidden"));
        Assert.Contains("a workload you may not see", page.Find("[data-testid='topology-node'][data-node-id='hidden']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_topology_link_with_a_namespace_opens_filtered_to_it()
    {
        SignIn("alice");
        Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo("/topology?namespace=payments");

        var page = Render<Topology>();

        page.WaitForElement("[data-node-id='payments/deployment/payment']", Patience);
        Assert.All(page.FindAll("[data-testid='topology-node']"), node =>
            Assert.True(node.GetAttribute("data-node-id")!.StartsWith("payments/", StringComparison.Ordinal) || node.GetAttribute("data-node-id") == "unmeshed"));
    }

    [Fact]
    public void The_dashboard_lists_callers_callees_and_pods_with_their_proxies_hiding_other_teams_names()
    {
        SignIn("olivia");

        var page = Render<WorkloadDashboard>(p => p.Add(d => d.Namespace, "orders").Add(d => d.Kind, "deployment").Add(d => d.Name, "orders"));

        // frontend (namespace web) calls orders, but olivia may not read web: the caller is there, its name is not.
        page.WaitForElement("[data-testid='inbound-table'] [data-peer='hidden']", Patience);
        Assert.DoesNotContain("frontend", page.Find("[data-testid='inbound-table']").TextContent);
        Assert.NotNull(page.Find("[data-testid='outbound-table'] [data-peer='orders/deployment/inventory']"));
        var pods = page.FindAll("[data-testid='pod-row']");
        Assert.Equal(2, pods.Count);
        Assert.All(page.FindAll("[data-testid='pod-proxy']"), proxy => Assert.Equal("proxy ready", proxy.TextContent.Trim()));
        Assert.NotEqual("–", page.Find("[data-testid='now-rps']").TextContent.Trim());
    }

    [Fact]
    public void The_overview_ranks_the_busiest_workloads_and_counts_meshed_ones()
    {
        SignIn("alice");

        var page = Render<Overview>();

        page.WaitForElement("[data-testid='busiest-row']", Patience);
        Assert.Matches(@"\d+ of \d+ workloads are meshed", page.Find("[data-testid='meshed-workloads']").TextContent);
        Assert.All(page.FindAll("[data-testid='busiest-row'] a"), link => Assert.StartsWith("/workloads/", link.GetAttribute("href")));
    }
}
