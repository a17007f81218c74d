using Bunit;
using Kubemate.WebConsole.Telemetry;
using Kubemate.Telemetry.Topology;
using static Kubemate.WebConsole.Tests.Telemetry.Graphs;

namespace Kubemate.WebConsole.Tests.Telemetry;

public sealed class TopologyViewTests() : ConsoleTestContext("en")
{
    private IRenderedComponent<TopologyView> RenderDemo(Action<TopologyNode>? clicked = null, TopologyFilter? filter = null)
    {
        var graph = Demo();
        return Render<TopologyView>(p => p
            .Add(v => v.Nodes, graph.Nodes)
            .Add(v => v.Edges, graph.Edges)
            .Add(v => v.Positions, TopologyLayout.Arrange(graph.Nodes, graph.Edges))
            .Add(v => v.Filter, filter)
            .Add(v => v.OnNodeClick, node => clicked?.Invoke(node)));
    }

    private static AngleSharp.Dom.IElement EdgeOf(IRenderedComponent<TopologyView> view, TopologyNode from, TopologyNode to) =>
        view.Find($"[data-edge='{from.Id}->{to.Id}']");

    // Labels are drawn in a layer above all lines, apart from their edges.
    private static AngleSharp.Dom.IElement LabelOf(IRenderedComponent<TopologyView> view, TopologyNode from, TopologyNode to) =>
        view.Find($"[data-label-of='{from.Id}->{to.Id}'] [data-testid='edge-label']");

    [Theory]
    [InlineData(HealthClass.Healthy, "#2e7d32")]
    [InlineData(HealthClass.Failing, "#d32f2f")]
    [InlineData(HealthClass.Degraded, "#ed6c02")]
    public void Edges_are_coloured_by_their_health(HealthClass health, string colour)
    {
        var view = RenderDemo();

        var edge = view.FindAll("[data-testid='topology-edge']").First(e => e.GetAttribute("data-health") == health.ToString());

        Assert.Equal(colour, edge.QuerySelector("path")!.GetAttribute("stroke"));
        Assert.Contains(health.ToString(), edge.QuerySelector("path")!.GetAttribute("marker-end"));
    }

    [Fact]
    public void Edges_without_mtls_are_dashed_and_edges_with_it_are_solid()
    {
        var view = RenderDemo();

        Assert.Equal("6 4", EdgeOf(view, Legacy, Orders).QuerySelector("path")!.GetAttribute("stroke-dasharray"));
        Assert.Null(EdgeOf(view, Frontend, Orders).QuerySelector("path")!.GetAttribute("stroke-dasharray"));
    }

    [Fact]
    public void Unmeshed_nodes_are_hollow_and_meshed_nodes_filled_with_their_health()
    {
        var view = RenderDemo();

        var legacy = view.Find($"[data-node-id='{Legacy.Id}'] circle");
        var orders = view.Find($"[data-node-id='{Orders.Id}'] circle");

        Assert.Equal("#ffffff", legacy.GetAttribute("fill"));
        Assert.Equal("4 3", legacy.GetAttribute("stroke-dasharray"));
        Assert.Equal(HealthStyle.Colour(HealthClass.Failing), orders.GetAttribute("fill"));
    }

    [Fact]
    public void The_gateway_is_drawn_as_a_square()
    {
        var view = RenderDemo();

        Assert.NotNull(view.Find($"[data-node-id='{Traefik.Id}'] rect"));
        Assert.Empty(view.FindAll($"[data-node-id='{Traefik.Id}'] circle"));
    }

    [Fact]
    public void Edge_labels_show_rate_and_p99_in_the_users_culture()
    {
        var english = RenderDemo();
        Assert.Equal("1,234.5 rps · p99 35 ms", LabelOf(english, Frontend, Orders).TextContent);

        UseCulture("de-DE");
        var german = RenderDemo();
        Assert.Equal("1.234,5 rps · p99 35 ms", LabelOf(german, Frontend, Orders).TextContent);
    }

    [Fact]
    public void A_missing_p99_is_a_dash_not_zero()
    {
        Assert.Equal("0.50 rps · p99 –", MetricText.EdgeLabel(0.5, null));
    }

    [Fact]
    public void Clicking_a_node_reports_it()
    {
        TopologyNode? clicked = null;
        var view = RenderDemo(node => clicked = node);

        view.Find($"[data-node-id='{Orders.Id}']").Click();

        Assert.Equal(Orders, clicked);
    }

    [Fact]
    public void Search_matches_are_marked()
    {
        var view = RenderDemo(filter: new TopologyFilter(new HashSet<string>(), "inventory"));

        Assert.Equal("true", view.Find($"[data-node-id='{Inventory.Id}']").GetAttribute("data-match"));
        Assert.Equal("false", view.Find($"[data-node-id='{Orders.Id}']").GetAttribute("data-match"));
    }

    [Fact]
    public void Node_positions_in_the_drawing_are_the_layouts()
    {
        var graph = Demo();
        var positions = TopologyLayout.Arrange(graph.Nodes, graph.Edges);

        var view = RenderDemo();

        var at = positions[Inventory.Id];
        Assert.Equal($"translate({at.X:0.#},{at.Y:0.#})", view.Find($"[data-node-id='{Inventory.Id}']").GetAttribute("transform"));
    }
}
