using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Topology;

namespace Kubemate.WebConsole.Tests.Telemetry;

/// <summary>Small topology graphs for the tests: the demo estate's call chain traefik → frontend → orders → inventory.</summary>
internal static class Graphs
{
    public static TopologyNode Node(string ns, string name, HealthClass health = HealthClass.Healthy, bool meshed = true, bool entry = false) =>
        new($"{ns}/deployment/{name}", ns, name, entry ? "gateway" : "deployment", "deployment", meshed, entry, health,
            GoldenMetrics.From(99, 1, TimeSpan.FromMinutes(1), p99: 12));

    public static TopologyNode Unmeshed() =>
        new(WorkloadRef.Unmeshed.Id, "", "unmeshed", "unmeshed", "unmeshed", false, true, HealthClass.NoTraffic, GoldenMetrics.None);

    public static TopologyEdge Edge(TopologyNode from, TopologyNode to, HealthClass health = HealthClass.Healthy, bool mtls = true, double rps = 1234.5, double? p99 = 35) =>
        new(from.Id, to.Id, rps, 0.99, p99, mtls, health);

    public static TopologyGraph Graph(IReadOnlyList<TopologyNode> nodes, IReadOnlyList<TopologyEdge> edges) =>
        new(TelemetryWindow.OneMinute, [], nodes, edges, 3);

    public static readonly TopologyNode Traefik = Node("traefik", "traefik", entry: true);
    public static readonly TopologyNode Frontend = Node("web", "frontend");
    public static readonly TopologyNode Orders = Node("orders", "orders", HealthClass.Failing);
    public static readonly TopologyNode Inventory = Node("orders", "inventory");
    public static readonly TopologyNode Legacy = Node("legacy", "batch", meshed: false);

    public static TopologyGraph Demo() => Graph(
        [Traefik, Frontend, Orders, Inventory, Legacy],
        [Edge(Traefik, Frontend), Edge(Frontend, Orders, HealthClass.Failing), Edge(Orders, Inventory), Edge(Legacy, Orders, HealthClass.Degraded, mtls: false)]);
}
