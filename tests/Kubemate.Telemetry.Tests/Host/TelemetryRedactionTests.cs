using Kubemate.Application.Telemetry;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Topology;

namespace Kubemate.Telemetry.Tests.Host;

public class TelemetryRedactionTests
{
    private static readonly TelemetryScope OrdersOnly = new(new HashSet<string> { "orders" });

    private static TopologyNode Node(string ns, string name, string kind = "deployment") =>
        new($"{ns}/deployment/{name}", ns, name, kind, "deployment", true, kind == "gateway", HealthClass.Healthy, GoldenMetrics.None);

    private static TopologyEdge Edge(string source, string target, double rps, double successRate, double p99, HealthClass health) =>
        new(source, target, rps, successRate, p99, true, health);

    private static readonly TopologyGraph Graph = new(TelemetryWindow.OneMinute, [],
        [Node("web", "frontend"), Node("users", "users"), Node("orders", "orders"), Node("orders", "inventory"), Node("traefik", "traefik", "gateway"),
            new TopologyNode("unmeshed", "", "unmeshed", "unmeshed", "unmeshed", false, true, HealthClass.NoTraffic, GoldenMetrics.None)],
        [
            Edge("traefik/deployment/traefik", "web/deployment/frontend", 50, 1, 120, HealthClass.Healthy),
            Edge("web/deployment/frontend", "orders/deployment/orders", 20, 1, 90, HealthClass.Healthy),
            Edge("users/deployment/users", "orders/deployment/orders", 10, 0.7, 300, HealthClass.Failing),
            Edge("orders/deployment/orders", "orders/deployment/inventory", 20, 1, 50, HealthClass.Healthy),
            Edge("unmeshed", "orders/deployment/orders", 1, 1, 10, HealthClass.Healthy),
        ], 8);

    [Fact]
    public void Nodes_outside_the_scope_are_left_out_and_edges_crossing_it_end_at_one_hidden_node()
    {
        var graph = TelemetryRedaction.Topology(Graph, OrdersOnly);

        Assert.Equal(["hidden", "orders/deployment/inventory", "orders/deployment/orders", "unmeshed"], graph.Nodes.Select(n => n.Id));
        var hidden = graph.Nodes.Single(n => n.Id == "hidden");
        Assert.Equal(("", "", "hidden"), (hidden.Namespace, hidden.Name, hidden.Kind));
        Assert.DoesNotContain(graph.Edges, e => e.Source.StartsWith("web/", StringComparison.Ordinal) || e.Target.StartsWith("web/", StringComparison.Ordinal));
        Assert.DoesNotContain(graph.Edges, e => e.Source == "hidden" && e.Target == "hidden");
        Assert.Contains(graph.Edges, e => e.Source == "unmeshed" && e.Target == "orders/deployment/orders");
    }

    [Fact]
    public void Hidden_callers_of_one_workload_merge_into_one_edge_weighted_by_traffic_with_the_worst_latency_and_health()
    {
        var graph = TelemetryRedaction.Topology(Graph, OrdersOnly);

        var merged = Assert.Single(graph.Edges, e => e.Source == "hidden");
        Assert.Equal("orders/deployment/orders", merged.Target);
        Assert.Equal(30, merged.Rps);
        Assert.Equal((20 * 1 + 10 * 0.7) / 30, merged.SuccessRate!.Value, 6);
        Assert.Equal(300, merged.LatencyP99Ms);
        Assert.Equal(HealthClass.Failing, merged.Health);
    }

    [Fact]
    public void Edge_and_workload_lists_keep_only_what_touches_the_scope()
    {
        var web = new WorkloadRef("web", "deployment", "frontend");
        var orders = new WorkloadRef("orders", "deployment", "orders");
        var users = new WorkloadRef("users", "deployment", "users");
        var edges = new[]
        {
            new EdgeStat(web, orders, GoldenMetrics.From(90, 10, TimeSpan.FromMinutes(1), p99: 80), 1),
            new EdgeStat(users, orders, GoldenMetrics.From(100, 0, TimeSpan.FromMinutes(1), p99: 40), 0),
            new EdgeStat(web, users, GoldenMetrics.From(100, 0, TimeSpan.FromMinutes(1)), 1),
        };
        var rows = new[] { web, orders, users }.Select(w => new WorkloadStat(w, 1, 1, GoldenMetrics.None, null)).ToList();

        var shown = Assert.Single(TelemetryRedaction.Edges(edges, OrdersOnly));

        Assert.Equal((WorkloadRef.Hidden, orders), (shown.Source, shown.Destination));
        Assert.Equal("hidden", shown.Source.Id);
        Assert.Equal((190, 10), (shown.Metrics.Successes, shown.Metrics.Failures));
        Assert.Equal(80, shown.Metrics.LatencyP99Ms);
        Assert.Equal(0.5, shown.MtlsRatio);
        Assert.Equal([orders], TelemetryRedaction.Workloads(rows, OrdersOnly).Select(r => r.Workload));
        Assert.Equal(3, TelemetryRedaction.Edges(edges, TelemetryScope.Everything).Count);
    }
}
