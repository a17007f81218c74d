using Kubemate.WebConsole.Telemetry;
using Kubemate.Telemetry.Topology;
using static Kubemate.WebConsole.Tests.Telemetry.Graphs;

namespace Kubemate.WebConsole.Tests.Telemetry;

public sealed class TopologyFilterTests
{
    private static HashSet<string> Ids(IEnumerable<TopologyNode> nodes) => nodes.Select(n => n.Id).ToHashSet();

    [Fact]
    public void No_filter_shows_everything()
    {
        var (nodes, edges) = TopologyFilter.All.Apply(Demo());

        Assert.Equal(5, nodes.Count);
        Assert.Equal(4, edges.Count);
    }

    [Fact]
    public void A_namespace_filter_keeps_its_workloads_and_the_edges_between_them()
    {
        var (nodes, edges) = new TopologyFilter(new HashSet<string> { "orders" }, null).Apply(Demo());

        Assert.Equal(Ids([Orders, Inventory]), Ids(nodes));
        Assert.Equal([(Orders.Id, Inventory.Id)], edges.Select(e => (e.Source, e.Target)));
    }

    [Fact]
    public void Unmeshed_callers_stay_visible_next_to_the_namespace_they_call()
    {
        var outside = Unmeshed();
        var graph = Graph([outside, Orders, Frontend], [Edge(outside, Orders, mtls: false), Edge(Frontend, Orders)]);

        var (nodes, _) = new TopologyFilter(new HashSet<string> { "orders" }, null).Apply(graph);

        Assert.Equal(Ids([outside, Orders]), Ids(nodes));
    }

    [Fact]
    public void A_search_shows_the_matches_with_their_callers_and_callees()
    {
        var filter = new TopologyFilter(new HashSet<string>(), "ORDERS/ord");

        var (nodes, edges) = filter.Apply(Demo());

        Assert.Equal(Ids([Orders, Frontend, Inventory, Legacy]), Ids(nodes));
        Assert.True(filter.IsMatch(Orders));
        Assert.False(filter.IsMatch(Inventory));
        Assert.DoesNotContain(edges, e => e.Source == Traefik.Id);
    }

    [Fact]
    public void A_search_with_no_match_shows_nothing()
    {
        var (nodes, edges) = new TopologyFilter(new HashSet<string>(), "nothing-like-this").Apply(Demo());

        Assert.Empty(nodes);
        Assert.Empty(edges);
    }
}
