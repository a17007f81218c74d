using Kubemate.WebConsole.Telemetry;
using static Kubemate.WebConsole.Tests.Telemetry.Graphs;

namespace Kubemate.WebConsole.Tests.Telemetry;

public sealed class TopologyLayoutTests
{
    [Fact]
    public void The_same_graph_gets_the_same_positions_whatever_the_order_of_its_nodes()
    {
        var graph = Demo();

        var first = TopologyLayout.Arrange(graph.Nodes, graph.Edges);
        var second = TopologyLayout.Arrange(graph.Nodes.Reverse().ToList(), graph.Edges.Reverse().ToList());

        Assert.Equal(first.OrderBy(p => p.Key), second.OrderBy(p => p.Key));
    }

    [Fact]
    public void Columns_follow_the_call_depth_from_the_entry()
    {
        var graph = Demo();

        var positions = TopologyLayout.Arrange(graph.Nodes, graph.Edges);

        Assert.True(positions[Traefik.Id].X < positions[Frontend.Id].X);
        Assert.True(positions[Frontend.Id].X < positions[Orders.Id].X);
        Assert.True(positions[Orders.Id].X < positions[Inventory.Id].X);
        // Nobody calls the unmeshed batch job: it starts a chain of its own, in the first column.
        Assert.Equal(positions[Traefik.Id].X, positions[Legacy.Id].X);
    }

    [Fact]
    public void The_gateway_heads_its_column_although_its_namespace_sorts_after_the_others()
    {
        var graph = Demo();

        var positions = TopologyLayout.Arrange(graph.Nodes, graph.Edges);

        // "legacy" sorts before "traefik"; the entry still takes the first row, next to the chain it starts.
        Assert.True(positions[Traefik.Id].Y < positions[Legacy.Id].Y);
    }

    [Fact]
    public void Adding_a_node_moves_none_of_the_others()
    {
        var graph = Demo();
        var before = TopologyLayout.Arrange(graph.Nodes, graph.Edges);
        var payments = Node("payments", "payments");
        var refunds = Node("payments", "refunds");

        var after = TopologyLayout.Arrange([.. graph.Nodes, payments, refunds], [.. graph.Edges, Edge(Orders, payments), Edge(Frontend, refunds)], before);

        Assert.All(before, kept => Assert.Equal(kept.Value, after[kept.Key]));
        Assert.Equal(after.Count, after.Values.Distinct().Count());
        Assert.Equal(after[Inventory.Id].X, after[payments.Id].X);
    }

    [Fact]
    public void A_node_that_comes_back_finds_its_place_free()
    {
        var graph = Demo();
        var all = TopologyLayout.Arrange(graph.Nodes, graph.Edges);
        var withoutInventory = graph.Nodes.Where(n => n != Inventory).ToList();
        var newcomer = Node("orders", "shipping");

        var next = TopologyLayout.Arrange([.. withoutInventory, newcomer], [Edge(Orders, newcomer)], all);

        Assert.NotEqual(all[Inventory.Id], next[newcomer.Id]);
    }

    [Fact]
    public void Workloads_of_a_namespace_sit_together_in_their_column()
    {
        var a1 = Node("a", "one");
        var b1 = Node("b", "one");
        var a2 = Node("a", "two");
        var entry = Node("gw", "gateway", entry: true);

        var positions = TopologyLayout.Arrange([b1, a2, entry, a1], [Edge(entry, b1), Edge(entry, a2), Edge(entry, a1)]);

        var column = new[] { a1, a2, b1 }.OrderBy(n => positions[n.Id].Y).Select(n => n.Id);
        Assert.Equal([a1.Id, a2.Id, b1.Id], column);
    }

    [Fact]
    public void A_cycle_nobody_enters_still_gets_a_place()
    {
        var x = Node("loop", "x");
        var y = Node("loop", "y");

        var positions = TopologyLayout.Arrange([x, y], [Edge(x, y), Edge(y, x)]);

        Assert.Equal(2, positions.Values.Distinct().Count());
        Assert.True(positions[x.Id].X < positions[y.Id].X);
    }

    [Fact]
    public void A_dragged_position_is_kept_for_the_session()
    {
        var graph = Demo();
        var session = new TopologyPositions();
        session.Keep(TopologyLayout.Arrange(graph.Nodes, graph.Edges));

        session.Move(Orders.Id, new NodePosition(777, 555));
        var refreshed = TopologyLayout.Arrange(graph.Nodes, graph.Edges, session.Snapshot());

        Assert.Equal(new NodePosition(777, 555), refreshed[Orders.Id]);
    }
}
