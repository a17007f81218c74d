using Kubemate.Telemetry.Topology;
using Kubemate.WebConsole.Telemetry;
using Kubemate.WebConsole.Telemetry.Graph;
using static Kubemate.WebConsole.Tests.Telemetry.Graphs;
using static Kubemate.WebConsole.Tests.Telemetry.TopologyBigGraphs;

namespace Kubemate.WebConsole.Tests.Telemetry;

public sealed class TopologyNamespaceGroupsTests
{
    private static IReadOnlyList<NamespaceGroup> GroupsOf(IReadOnlyList<TopologyNode> nodes, IReadOnlyDictionary<string, NodePosition> positions) =>
        NamespaceGroups.Of(nodes, positions, n => n.Name);

    [Fact]
    public void Each_box_encloses_the_circles_and_names_of_its_workloads()
    {
        var graph = Estate(300, 900, 12);
        var positions = TopologyLayout.Arrange(graph.Nodes, graph.Edges);
        var byId = graph.Nodes.ToDictionary(n => n.Id);

        var groups = GroupsOf(graph.Nodes, positions);

        Assert.Equal(graph.Nodes.Count, groups.Sum(g => g.NodeIds.Count));
        Assert.All(groups, group => Assert.All(group.NodeIds, id =>
        {
            Assert.Equal(group.Namespace, byId[id].Namespace);
            Assert.All(TopologyGeometry.Footprint(positions[id], byId[id].Name, null), part => Assert.True(group.Box.Contains(part), $"{id} sticks out of its {group.Namespace} box"));
        }));
        Assert.All(groups, group => Assert.True(group.Box.Contains(group.TitleBox)));
    }

    [Fact]
    public void Boxes_never_overlap_each_other()
    {
        var graph = Estate(300, 900, 12);
        var positions = TopologyLayout.Arrange(graph.Nodes, graph.Edges);

        var groups = GroupsOf(graph.Nodes, positions);

        Assert.Empty(Overlapping(groups.Select(g => g.Box)));
    }

    [Fact]
    public void Workloads_of_one_namespace_on_consecutive_rows_share_one_box()
    {
        var graph = Demo();
        var positions = TopologyLayout.Arrange(graph.Nodes, graph.Edges);
        var payments = Node("orders", "payments");
        var extended = TopologyLayout.Arrange([.. graph.Nodes, payments], [.. graph.Edges, Edge(Frontend, payments)], positions);

        var groups = GroupsOf([.. graph.Nodes, payments], extended);

        Assert.Single(groups, g => g.Namespace == "orders" && g.NodeIds.Contains(Orders.Id) && g.NodeIds.Contains(payments.Id));
        Assert.Single(groups, g => g.NodeIds.SequenceEqual([Inventory.Id]));
    }

    [Fact]
    public void A_dragged_workload_leaves_its_box_and_the_box_closes_behind_it()
    {
        var a = Node("team", "a");
        var b = Node("team", "b");
        var c = Node("team", "c");
        var entry = Node("gw", "gateway", entry: true);
        var edges = new[] { Edge(entry, a), Edge(entry, b), Edge(entry, c) };
        var positions = TopologyLayout.Arrange([entry, a, b, c], edges);
        var dragged = new Dictionary<string, NodePosition>(positions) { [b.Id] = new NodePosition(700, 333) };

        var groups = GroupsOf([entry, a, b, c], dragged);

        Assert.DoesNotContain(groups, g => g.NodeIds.Contains(b.Id));
        Assert.Equal(2, groups.Count(g => g.Namespace == "team"));
        Assert.DoesNotContain(groups, g => g.Box.Contains(Box.Around(700, 333, 1, 1)));
    }

    [Fact]
    public void Workloads_without_a_namespace_get_no_box()
    {
        var outside = Unmeshed();
        var positions = TopologyLayout.Arrange([outside, Orders], [Edge(outside, Orders)]);

        var groups = GroupsOf([outside, Orders], positions);

        Assert.Equal([Orders.Id], groups.SelectMany(g => g.NodeIds));
    }

    [Fact]
    public void A_namespace_keeps_its_tint()
    {
        Assert.Equal(NamespaceTint.Of("payments"), NamespaceTint.Of("payments"));
        Assert.Matches("^#[0-9a-f]{6}$", NamespaceTint.Of("payments").Fill);
    }
}
