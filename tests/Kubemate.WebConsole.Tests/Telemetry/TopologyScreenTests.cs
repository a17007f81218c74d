using Kubemate.WebConsole.Telemetry;
using Kubemate.WebConsole.Telemetry.Graph;
using static Kubemate.WebConsole.Tests.Telemetry.Graphs;
using static Kubemate.WebConsole.Tests.Telemetry.TopologyBigGraphs;

namespace Kubemate.WebConsole.Tests.Telemetry;

public sealed class TopologyScreenTests
{
    private static TopologyScreen Loaded(Kubemate.Telemetry.Topology.TopologyGraph graph, TopologyPositions? kept = null)
    {
        var screen = new TopologyScreen(kept ?? new TopologyPositions());
        screen.Load(graph);
        return screen;
    }

    [Theory]
    [InlineData(150, 5, null, TopologyViewMode.Workloads)]
    [InlineData(151, 5, null, TopologyViewMode.Namespaces)]
    [InlineData(2000, 1, null, TopologyViewMode.Workloads)]
    [InlineData(400, 40, TopologyViewMode.Workloads, TopologyViewMode.Workloads)]
    [InlineData(401, 2, TopologyViewMode.Workloads, TopologyViewMode.Namespaces)]
    [InlineData(2000, 40, TopologyViewMode.Workloads, TopologyViewMode.Namespaces)]
    [InlineData(2000, 1, TopologyViewMode.Workloads, TopologyViewMode.Workloads)]
    [InlineData(10, 2, TopologyViewMode.Namespaces, TopologyViewMode.Namespaces)]
    public void The_namespace_view_is_chosen_above_the_threshold_when_several_namespaces_are_shown(
        int nodes, int namespaces, TopologyViewMode? chosen, TopologyViewMode expected)
    {
        Assert.Equal(expected, TopologyViewRule.Choose(nodes, namespaces, chosen));
    }

    [Fact]
    public void A_small_estate_is_drawn_workload_by_workload()
    {
        var screen = Loaded(Demo());

        Assert.Equal(TopologyViewMode.Workloads, screen.Shown!.Mode);
        Assert.Equal(5, screen.Shown.Nodes.Count);
        Assert.Null(screen.Shown.WorkloadCounts);
    }

    [Fact]
    public void A_big_estate_opens_on_namespaces_and_a_namespace_click_shows_its_workloads()
    {
        var screen = Loaded(Estate(400, 1200, 8));

        Assert.Equal(TopologyViewMode.Namespaces, screen.Shown!.Mode);
        Assert.True(screen.Shown.Automatic);
        Assert.Equal(400, screen.Shown.WorkloadCount);
        Assert.Equal(8, screen.Shown.Nodes.Count);
        Assert.Equal(50, screen.Shown.WorkloadCounts![NamespaceGraph.NodeIdOf("ns-03")]);

        screen.OpenNamespace("ns-03");

        Assert.Equal(TopologyViewMode.Workloads, screen.Shown.Mode);
        Assert.All(screen.Shown.Nodes, n => Assert.Equal("ns-03", n.Namespace));
    }

    [Fact]
    public void Nodes_seen_before_any_traffic_take_their_columns_when_the_calls_show_up()
    {
        var kept = new TopologyPositions();
        var quiet = Demo() with { Edges = [] };
        var before = Loaded(quiet, kept).Shown!.Positions;
        Assert.Single(before.Values.Select(p => p.X).Distinct());

        var after = Loaded(Demo(), kept).Shown!.Positions;

        Assert.True(after[Traefik.Id].X < after[Frontend.Id].X);
        Assert.True(after[Frontend.Id].X < after[Orders.Id].X);
        Assert.True(after[Orders.Id].X < after[Inventory.Id].X);
    }

    [Fact]
    public void A_node_placed_while_it_had_calls_keeps_its_place_when_they_stop()
    {
        var kept = new TopologyPositions();
        var busy = Loaded(Demo(), kept).Shown!.Positions;

        var quiet = Loaded(Demo() with { Edges = [] }, kept).Shown!.Positions;

        Assert.Equal(busy[Inventory.Id], quiet[Inventory.Id]);
        Assert.Equal(busy[Orders.Id], quiet[Orders.Id]);
    }

    [Fact]
    public void A_search_that_narrows_a_big_estate_below_the_threshold_shows_workloads()
    {
        var screen = Loaded(Estate(400, 400, 8));

        screen.SetFilter([], "workload-000");

        Assert.Equal(TopologyViewMode.Workloads, screen.Shown!.Mode);
        Assert.Contains(screen.Shown.Nodes, n => n.Name == "workload-0007");
    }

    [Fact]
    public void The_users_choice_holds_until_the_filter_changes()
    {
        var screen = Loaded(Estate(400, 1200, 8));

        screen.Choose(TopologyViewMode.Workloads);
        Assert.Equal((TopologyViewMode.Workloads, false), (screen.Shown!.Mode, screen.Shown.Automatic));
        Assert.Equal(400, screen.Shown.Nodes.Count);

        screen.Load(Estate(400, 1200, 8));
        Assert.Equal(TopologyViewMode.Workloads, screen.Shown.Mode);

        screen.SetFilter(["ns-01", "ns-02", "ns-03", "ns-04"], null);
        Assert.Equal((TopologyViewMode.Namespaces, true), (screen.Shown.Mode, screen.Shown.Automatic));
    }

    [Fact]
    public void Filters_move_no_node_in_either_view()
    {
        var screen = Loaded(Estate(400, 1200, 8));
        var allNamespaces = screen.Shown!.Positions;
        screen.Choose(TopologyViewMode.Workloads);
        var allWorkloads = screen.Shown.Positions;

        screen.SetFilter(["ns-01", "ns-05", "ns-06", "ns-07"], null);
        Assert.Equal(TopologyViewMode.Namespaces, screen.Shown.Mode);
        Assert.All(screen.Shown.Nodes, n => Assert.Equal(allNamespaces[n.Id], screen.Shown.Positions[n.Id]));

        screen.SetFilter(["ns-05"], null);
        Assert.All(screen.Shown.Nodes, n => Assert.Equal(allWorkloads[n.Id], screen.Shown.Positions[n.Id]));
    }

    [Fact]
    public void Dragging_a_namespace_keeps_it_there_and_leaves_the_workload_positions_alone()
    {
        var kept = new TopologyPositions();
        var screen = Loaded(Estate(400, 1200, 8), kept);
        var workloadsBefore = kept.Snapshot();
        var id = NamespaceGraph.NodeIdOf("ns-02");

        screen.Move(id, new NodePosition(1234, 567));
        screen.Load(Estate(400, 1200, 8));

        Assert.Equal(new NodePosition(1234, 567), screen.Shown!.Positions[id]);
        Assert.Equal(workloadsBefore, kept.Snapshot());
        Assert.False(kept.Snapshot().ContainsKey(id));
    }

    [Fact]
    public void Relayout_forgets_dragged_positions_in_both_views()
    {
        var kept = new TopologyPositions();
        var screen = Loaded(Demo(), kept);
        var original = screen.Shown!.Positions[Orders.Id];
        screen.Move(Orders.Id, new NodePosition(999, 999));

        screen.Relayout();

        Assert.Equal(original, screen.Shown.Positions[Orders.Id]);
        Assert.Empty(kept.NamespaceView.Snapshot());
    }
}
