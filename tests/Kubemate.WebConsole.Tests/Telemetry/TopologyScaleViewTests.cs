using Bunit;
using Kubemate.Telemetry.Topology;
using Kubemate.WebConsole.Telemetry;
using Kubemate.WebConsole.Telemetry.Graph;
using static Kubemate.WebConsole.Tests.Telemetry.Graphs;
using static Kubemate.WebConsole.Tests.Telemetry.TopologyBigGraphs;

namespace Kubemate.WebConsole.Tests.Telemetry;

/// <summary>The SVG's namespace boxes, hidden labels and namespace view, and the view switch.</summary>
public sealed class TopologyScaleViewTests() : ConsoleTestContext("en")
{
    private IRenderedComponent<TopologyView> RenderGraph(
        IReadOnlyList<TopologyNode> nodes, IReadOnlyList<TopologyEdge> edges, IReadOnlyDictionary<string, NodePosition> positions,
        IReadOnlyDictionary<string, int>? counts = null) =>
        Render<TopologyView>(p => p
            .Add(v => v.Nodes, nodes)
            .Add(v => v.Edges, edges)
            .Add(v => v.Positions, positions)
            .Add(v => v.WorkloadCounts, counts));

    [Fact]
    public void Each_namespace_is_a_titled_tinted_box_and_its_workloads_drop_the_namespace_line()
    {
        var graph = Demo();

        var view = RenderGraph(graph.Nodes, graph.Edges, TopologyLayout.Arrange(graph.Nodes, graph.Edges));

        var orders = view.Find("[data-testid='namespace-group'][data-namespace='orders']");
        Assert.Equal("orders", orders.QuerySelector("text")!.TextContent);
        Assert.Equal(NamespaceTint.Of("orders").Fill, orders.QuerySelector("rect")!.GetAttribute("fill"));
        Assert.Single(view.FindAll($"[data-node-id='{Orders.Id}'] text"));
        Assert.Equal(["legacy", "orders", "orders", "traefik", "web"],
            view.FindAll("[data-testid='namespace-group']").Select(g => g.GetAttribute("data-namespace")).Order());
    }

    [Fact]
    public void A_dragged_workload_shows_its_namespace_under_its_name()
    {
        var graph = Demo();
        var positions = new Dictionary<string, NodePosition>(TopologyLayout.Arrange(graph.Nodes, graph.Edges)) { [Orders.Id] = new(613, 407) };

        var view = RenderGraph(graph.Nodes, graph.Edges, positions);

        Assert.Equal(["orders", "orders"], view.FindAll($"[data-node-id='{Orders.Id}'] text").Select(t => t.TextContent));
    }

    [Fact]
    public void An_edge_with_no_room_for_its_label_is_marked_hidden_and_keeps_its_numbers_in_the_tooltip()
    {
        var hub = Node("shop", "hub");
        var callees = Enumerable.Range(0, 40).Select(i => Node("shop", $"callee-{i:00}")).ToList();
        var edges = callees.Select((c, i) => Edge(hub, c, rps: 100 - i, p99: 35)).ToList();
        var positions = callees.Select((c, i) => (c.Id, At: new NodePosition(300, 10 * i))).ToDictionary(p => p.Id, p => p.At);
        positions[hub.Id] = new NodePosition(0, 200);

        var view = RenderGraph([hub, .. callees], edges, positions);

        var hidden = view.FindAll("[data-testid='topology-edge'][data-label='hidden']");
        Assert.NotEmpty(hidden);
        Assert.All(hidden, edge =>
        {
            Assert.Empty(view.FindAll($"[data-label-of='{edge.GetAttribute("data-edge")}']"));
            Assert.Matches(@"rps · p99 35 ms · .* · 99\.0% · mTLS", edge.QuerySelector("title")!.TextContent);
        });
        Assert.Equal(view.FindAll("[data-testid='edge-label']").Count, view.FindAll("[data-label='shown']").Count);
    }

    [Fact]
    public void The_namespace_view_draws_hexagons_with_workload_counts_and_says_its_p99_is_an_upper_bound()
    {
        var graph = Demo();
        var namespaces = NamespaceGraph.From(graph.Nodes, graph.Edges, graph.Window);

        var view = RenderGraph(namespaces.Nodes, namespaces.Edges, TopologyLayout.Arrange(namespaces.Nodes, namespaces.Edges), namespaces.WorkloadCounts);

        var orders = view.Find($"[data-node-id='{NamespaceGraph.NodeIdOf("orders")}']");
        Assert.NotNull(orders.QuerySelector("polygon"));
        Assert.Equal(["orders", "2 workloads"], orders.QuerySelectorAll("text").Select(t => t.TextContent));
        Assert.Equal("1 workload", view.Find($"[data-node-id='{NamespaceGraph.NodeIdOf("web")}'] g text").TextContent);
        Assert.Empty(view.FindAll("[data-testid='namespace-group']"));
        var edge = view.Find($"[data-edge='{NamespaceGraph.NodeIdOf("web")}->{NamespaceGraph.NodeIdOf("orders")}']");
        Assert.Equal("1,234.5 rps · p99 ≤ 35 ms", view.Find($"[data-label-of='{edge.GetAttribute("data-edge")}'] [data-testid='edge-label']").TextContent);
        Assert.StartsWith("web → orders", edge.QuerySelector("title")!.TextContent);
        Assert.Contains("an upper bound", edge.QuerySelector("title")!.TextContent);
    }

    [Fact]
    public void The_legend_explains_namespace_boxes_and_namespace_nodes()
    {
        var legend = Render<TopologyLegend>();

        Assert.Contains("Namespace", legend.Find("[data-testid='legend-namespace-box']").TextContent);
        Assert.NotNull(legend.Find("[data-testid='legend-namespace-node'] polygon"));
    }

    [Fact]
    public void The_view_switch_says_why_namespaces_are_shown_and_reports_a_choice()
    {
        var screen = new TopologyScreen(new TopologyPositions());
        screen.Load(Estate(300, 300, 3));
        TopologyViewMode? chosen = null;

        var bar = Render<TopologyViewSwitch>(p => p.Add(s => s.Shown, screen.Shown!).Add(s => s.OnChoose, mode => chosen = mode));

        Assert.Equal("300 workloads: showing namespaces; pick a namespace or search to see workloads. Click a namespace to open it.",
            bar.Find("[data-testid='topology-namespace-reason']").TextContent);
        bar.FindAll("button").Single(b => b.TextContent.Contains("Workloads")).Click();
        Assert.Equal(TopologyViewMode.Workloads, chosen);
    }

    [Fact]
    public void Too_many_workloads_across_namespaces_cannot_be_drawn_one_by_one_and_the_switch_says_how_to_narrow_them()
    {
        var screen = new TopologyScreen(new TopologyPositions());
        screen.Load(Estate(2000, 2000, 20));
        screen.Choose(TopologyViewMode.Workloads);

        var bar = Render<TopologyViewSwitch>(p => p.Add(s => s.Shown, screen.Shown!));

        Assert.Equal(TopologyViewMode.Namespaces, screen.Shown!.Mode);
        Assert.Equal("2,000 workloads: showing namespaces. The workload view draws at most 400 across namespaces; pick namespaces or search to narrow it. Click a namespace to open it.",
            bar.Find("[data-testid='topology-too-many-workloads']").TextContent);
        Assert.True(bar.FindAll("button").Single(b => b.TextContent.Contains("Workloads")).HasAttribute("disabled"));
    }

    [Fact]
    public void The_view_switch_speaks_chinese()
    {
        UseCulture("zh-CN");
        var screen = new TopologyScreen(new TopologyPositions());
        screen.Load(Estate(300, 300, 3));

        var bar = Render<TopologyViewSwitch>(p => p.Add(s => s.Shown, screen.Shown!));

        Assert.StartsWith("300 个工作负载：显示命名空间", bar.Find("[data-testid='topology-namespace-reason']").TextContent);
    }
}
