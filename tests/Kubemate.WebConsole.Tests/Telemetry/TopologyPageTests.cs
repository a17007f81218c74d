using Bunit;
using Kubemate.WebConsole.Pages;
using Kubemate.WebConsole.Telemetry;
using Kubemate.WebConsole.Telemetry.Graph;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Kubemate.WebConsole.Tests.Telemetry;

/// <summary>The topology page's view switch over the demo estate's live traffic (read through the embedded store).</summary>
[Collection(TrafficSandboxCollection.Name)]
public sealed class TopologyPageTests(TrafficSandboxFixture sandbox) : ConsoleTestContext("en")
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private NavigationManager Navigation => Bunit.Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<Topology> RenderAsAlice(string address = "/topology")
    {
        AddTelemetryPageServices(sandbox.SessionOf("alice"), sandbox.Clusters, sandbox.Telemetry);
        Bunit.Services.AddScoped<TopologyPositions>();
        Navigation.NavigateTo(address);
        var page = Render<Topology>();
        page.WaitForElement("[data-node-id='orders/deployment/orders']", Patience);
        return page;
    }

    [Fact]
    public void The_demo_estate_is_small_enough_to_open_on_its_workloads_in_namespace_boxes()
    {
        var page = RenderAsAlice();

        Assert.Empty(page.FindAll("[data-testid='topology-namespace-reason']"));
        Assert.NotEmpty(page.FindAll("[data-testid='namespace-group'][data-namespace='orders']"));
        Assert.DoesNotContain(page.FindAll("[data-testid='topology-node']"), n => n.GetAttribute("data-kind") == NamespaceGraph.Kind);
    }

    [Fact]
    public void Switching_to_namespaces_and_clicking_one_shows_that_namespaces_workloads()
    {
        var page = RenderAsAlice();

        page.FindAll("[data-testid='topology-view-switch'] button").Single(b => b.TextContent.Contains("Namespaces")).Click();
        var orders = page.WaitForElement($"[data-node-id='{NamespaceGraph.NodeIdOf("orders")}']", Patience);
        Assert.All(page.FindAll("[data-testid='topology-node']"), n => Assert.Contains(n.GetAttribute("data-kind"), new[] { NamespaceGraph.Kind, "unmeshed" }));
        Assert.Contains("p99 ≤", page.Find("[data-testid='edge-label']").TextContent);

        orders.Click();

        page.WaitForAssertion(() => Assert.All(page.FindAll("[data-testid='topology-node']"), n =>
            Assert.True(n.GetAttribute("data-node-id")!.StartsWith("orders/", StringComparison.Ordinal) || n.GetAttribute("data-node-id") == "unmeshed")), Patience);
        Assert.NotEmpty(page.FindAll("[data-node-id='orders/deployment/orders']"));
        page.WaitForAssertion(() => Assert.Equal("http://localhost/topology?namespace=orders", Navigation.Uri), Patience);
    }

    [Fact]
    public void The_filter_is_kept_in_the_address_so_a_reload_or_a_link_shows_the_same_graph()
    {
        var page = RenderAsAlice("/topology?namespace=orders");

        // The text field hands its value over asynchronously: wait for it rather than assume one render.
        page.Find("input[data-testid='topology-search']").Input("invent ");

        page.WaitForAssertion(() => Assert.Equal("http://localhost/topology?namespace=orders&search=invent", Navigation.Uri), Patience);
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("[data-node-id='orders/deployment/inventory']").GetAttribute("data-match")), Patience);

        page.Find("input[data-testid='topology-search']").Input("");

        page.WaitForAssertion(() => Assert.Equal("http://localhost/topology?namespace=orders", Navigation.Uri), Patience);
    }
}
