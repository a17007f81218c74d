using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Topology;
using Kubemate.WebConsole.Telemetry.Graph;
using static Kubemate.WebConsole.Tests.Telemetry.Graphs;

namespace Kubemate.WebConsole.Tests.Telemetry;

public sealed class TopologyNamespaceGraphTests
{
    private static TopologyEdge Call(TopologyNode from, TopologyNode to, double rps, double success, double? p99, bool mtls = true, HealthClass health = HealthClass.Healthy) =>
        new(from.Id, to.Id, rps, success, p99, mtls, health);

    private static NamespaceGraph Aggregate(IReadOnlyList<TopologyNode> nodes, IReadOnlyList<TopologyEdge> edges) =>
        NamespaceGraph.From(nodes, edges, TelemetryWindow.OneMinute);

    private static TopologyNode NodeOf(NamespaceGraph graph, string ns) => graph.Nodes.Single(n => n.Id == NamespaceGraph.NodeIdOf(ns));

    [Fact]
    public void Calls_between_two_namespaces_become_one_edge_with_summed_rate_weighted_success_and_the_highest_p99()
    {
        var web1 = Node("web", "one");
        var web2 = Node("web", "two");
        var shop1 = Node("shop", "one");
        var shop2 = Node("shop", "two");

        var graph = Aggregate([web1, web2, shop1, shop2],
        [
            Call(web1, shop1, rps: 30, success: 1.0, p99: 20),
            Call(web2, shop2, rps: 10, success: 0.6, p99: 300, mtls: false, health: HealthClass.Failing),
            Call(shop1, shop2, rps: 500, success: 0.1, p99: 900),
        ]);

        var edge = Assert.Single(graph.Edges);
        Assert.Equal((NamespaceGraph.NodeIdOf("web"), NamespaceGraph.NodeIdOf("shop")), (edge.Source, edge.Target));
        Assert.Equal(40, edge.Rps, 6);
        Assert.Equal((30 * 1.0 + 10 * 0.6) / 40, edge.SuccessRate!.Value, 6);
        Assert.Equal(300, edge.LatencyP99Ms);
        Assert.False(edge.Mtls);
        Assert.Equal(HealthClass.Failing, edge.Health);
    }

    [Fact]
    public void A_namespace_node_is_as_healthy_as_its_worst_workload_and_meshed_only_when_all_are()
    {
        var graph = Aggregate(
            [Node("a", "fine"), Node("a", "failing", HealthClass.Failing), Node("b", "fine"), Node("b", "idle", HealthClass.NoTraffic, meshed: false)], []);

        Assert.Equal(HealthClass.Failing, NodeOf(graph, "a").Health);
        Assert.True(NodeOf(graph, "a").Meshed);
        Assert.Equal(HealthClass.Healthy, NodeOf(graph, "b").Health);
        Assert.False(NodeOf(graph, "b").Meshed);
        Assert.Equal(2, graph.WorkloadCounts[NamespaceGraph.NodeIdOf("b")]);
        Assert.All(graph.Nodes, n => Assert.Equal(NamespaceGraph.Kind, n.Kind));
    }

    [Fact]
    public void Inbound_counts_calls_from_other_namespaces_and_unmeshed_callers_but_not_calls_inside()
    {
        var outside = Unmeshed();
        var web = Node("web", "front");
        var shop = Node("shop", "cart");
        var stock = Node("shop", "stock");

        var graph = Aggregate([outside, web, shop, stock],
        [
            Call(web, shop, rps: 8, success: 0.5, p99: 40),
            Call(outside, shop, rps: 2, success: 1.0, p99: 90, mtls: false),
            Call(shop, stock, rps: 100, success: 0.0, p99: 5000),
        ]);

        var inbound = NodeOf(graph, "shop").Inbound;
        Assert.Equal(10, inbound.Rps, 6);
        Assert.Equal((8 * 0.5 + 2 * 1.0) / 10, inbound.SuccessRate!.Value, 6);
        Assert.Equal(90, inbound.LatencyP99Ms);
        Assert.Contains(graph.Nodes, n => n.Id == outside.Id && n.Kind == "unmeshed");
        Assert.Equal(2, graph.Edges.Count);
    }

    [Fact]
    public void The_gateways_namespace_is_an_entry_whose_inbound_is_what_the_gateway_receives()
    {
        var gateway = new TopologyNode("edge/deployment/traefik", "edge", "traefik", "gateway", "deployment", true, true, HealthClass.Healthy,
            GoldenMetrics.From(1140, 60, TimeSpan.FromMinutes(1), p99: 70));

        var node = NodeOf(Aggregate([gateway, Node("web", "front")], []), "edge");

        Assert.True(node.Entry);
        Assert.Equal(20, node.Inbound.Rps, 6);
        Assert.Equal(0.95, node.Inbound.SuccessRate!.Value, 6);
    }

    [Fact]
    public void Edges_without_success_or_p99_leave_them_unknown_not_zero()
    {
        var a = Node("a", "x");
        var b = Node("b", "y");

        var edge = Assert.Single(Aggregate([a, b], [new TopologyEdge(a.Id, b.Id, 0, null, null, true, HealthClass.NoTraffic)]).Edges);

        Assert.Null(edge.SuccessRate);
        Assert.Null(edge.LatencyP99Ms);
        Assert.Equal("b", NamespaceGraph.NameOf(edge.Target));
    }
}
