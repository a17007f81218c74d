using Kubemate.Telemetry.Golden;
using Xunit.Abstractions;

namespace Kubemate.Telemetry.Tests.Simulated;

/// <summary>
/// Acceptance (issue #4, part 1 and the ground truth of part 2): over the same minute of simulated demo traffic, the
/// real Prometheus and the embedded store give the profile's golden metrics and the same edges and topology.
/// Everything is evaluated at the fixture's <see cref="SimulatedTrafficFixture.BaselineAt"/>, before any test changed the estate.
/// </summary>
[Collection(SimulatedTrafficCollection.Name)]
public sealed class BackendAgreementOnSimulatedTrafficTests(SimulatedTrafficFixture fixture, ITestOutputHelper output)
{
    private static readonly TelemetryWindow Window = TelemetryWindow.OneMinute;

    [Fact]
    public async Task Both_backends_recover_the_profiles_rate_success_rate_and_latency_per_workload()
    {
        var (viaPrometheus, viaEmbedded) = fixture.ServicesAt(fixture.BaselineAt);
        var prometheus = (await viaPrometheus.WorkloadsAsync(null, Window, default)).Value!;
        var embedded = (await viaEmbedded.WorkloadsAsync(null, Window, default)).Value!;
        foreach (var (name, stats) in new[] { ("prometheus", prometheus), ("embedded", embedded) })
        {
            foreach (var stat in stats.Where(s => s.Metrics.Responses > 0))
            {
                output.WriteLine($"{name,-10} {stat.Workload}: rps {stat.Metrics.Rps:F2} sr {stat.Metrics.SuccessRate:F4} p50 {stat.Metrics.LatencyP50Ms:F1} p99 {stat.Metrics.LatencyP99Ms:F1}");
            }
        }

        Assert.Equal(prometheus.Select(s => s.Workload), embedded.Select(s => s.Workload));
        foreach (var (workload, edge) in GroundTruth.MeshedCallees)
        {
            foreach (var (name, stats) in new[] { ("prometheus", prometheus), ("embedded", embedded) })
            {
                var metrics = stats.Single(s => s.Workload == workload).Metrics;
                GroundTruth.WithinRps(edge.RequestsPerSecond, metrics.Rps, $"{name} {workload}");
                GroundTruth.WithinSuccessRate(1 - edge.ErrorRate, metrics.SuccessRate, $"{name} {workload}");
                GroundTruth.WithinBucket(edge.P50Ms, metrics.LatencyP50Ms, $"{name} {workload} p50");
                GroundTruth.WithinBucket(edge.P99Ms, metrics.LatencyP99Ms, $"{name} {workload} p99");
            }
        }
        foreach (var (p, e) in prometheus.Zip(embedded))
        {
            Assert.Equal(p.MeshedPods, e.MeshedPods);
            GroundTruth.WithinRps(p.Metrics.Rps, e.Metrics.Rps, $"embedded vs prometheus {p.Workload}");
            if (p.Metrics.Responses > 0)
            {
                GroundTruth.WithinSuccessRate(p.Metrics.SuccessRate!.Value, e.Metrics.SuccessRate, $"embedded vs prometheus {p.Workload}");
                GroundTruth.SameBucketResolution(p.Metrics.LatencyP50Ms, e.Metrics.LatencyP50Ms, $"{p.Workload} p50");
                GroundTruth.SameBucketResolution(p.Metrics.LatencyP99Ms, e.Metrics.LatencyP99Ms, $"{p.Workload} p99");
            }
        }
    }

    [Fact]
    public async Task Both_backends_report_the_profiles_edges_with_the_same_rates_and_mtls()
    {
        var (viaPrometheus, viaEmbedded) = fixture.ServicesAt(fixture.BaselineAt);
        var prometheus = (await viaPrometheus.EdgesAsync(null, Window, default)).Value!;
        var embedded = (await viaEmbedded.EdgesAsync(null, Window, default)).Value!;
        foreach (var edge in prometheus)
        {
            output.WriteLine($"prometheus {edge.Source} -> {edge.Destination}: rps {edge.Metrics.Rps:F2} secured {edge.Secured}");
        }

        Assert.Equal(prometheus.Select(e => (e.Source, e.Destination, e.Secured)), embedded.Select(e => (e.Source, e.Destination, e.Secured)));
        foreach (var (p, e) in prometheus.Zip(embedded))
        {
            GroundTruth.WithinRps(p.Metrics.Rps, e.Metrics.Rps, $"embedded vs prometheus {p.Source} -> {p.Destination}");
        }
        foreach (var truth in GroundTruth.MeshedCallerEdges)
        {
            var (source, destination) = (GroundTruth.Caller(truth), GroundTruth.Callee(truth));
            foreach (var (name, edges) in new[] { ("prometheus", prometheus), ("embedded", embedded) })
            {
                var edge = Assert.Single(edges, e => e.Source == source && e.Destination == destination);
                GroundTruth.WithinRps(truth.RequestsPerSecond, edge.Metrics.Rps, $"{name} {source} -> {destination}");
                Assert.Equal(truth.ToNamespace is "web" or "orders" or "payments", edge.Secured);
            }
        }
        // Traefik is unmeshed: its calls reach the frontend without identity, as the gateway's entry edge (from Traefik's
        // own metrics) or, without them, from the node "unmeshed".
        var frontend = new WorkloadRef("web", "deployment", "frontend");
        var entrySources = new[] { new WorkloadRef("traefik", "deployment", "traefik"), WorkloadRef.Unmeshed };
        foreach (var (name, edges) in new[] { ("prometheus", prometheus), ("embedded", embedded) })
        {
            var entry = Assert.Single(edges, e => e.Destination == frontend && entrySources.Contains(e.Source));
            GroundTruth.WithinRps(50, entry.Metrics.Rps, $"{name} {entry.Source} -> frontend");
            Assert.False(entry.Secured);
        }
    }

    [Fact]
    public async Task Both_backends_build_the_same_topology_with_the_same_health_and_numbers_within_tolerance()
    {
        var (viaPrometheus, viaEmbedded) = fixture.ServicesAt(fixture.BaselineAt);
        var prometheus = (await viaPrometheus.TopologyAsync(null, Window, default)).Value!;
        var embedded = (await viaEmbedded.TopologyAsync(null, Window, default)).Value!;

        Assert.Equal(prometheus.Nodes.Select(n => (n.Id, n.Kind, n.Meshed, n.Entry, n.Health)), embedded.Nodes.Select(n => (n.Id, n.Kind, n.Meshed, n.Entry, n.Health)));
        Assert.Equal(prometheus.Edges.Select(e => (e.Source, e.Target, e.Mtls, e.Health)), embedded.Edges.Select(e => (e.Source, e.Target, e.Mtls, e.Health)));
        Assert.Equal(prometheus.Queries, embedded.Queries);
        foreach (var (p, e) in prometheus.Nodes.Zip(embedded.Nodes).Where(pair => pair.First.Inbound.Responses > 0))
        {
            GroundTruth.WithinRps(p.Inbound.Rps, e.Inbound.Rps, $"node {p.Id}");
            GroundTruth.WithinSuccessRate(p.Inbound.SuccessRate!.Value, e.Inbound.SuccessRate, $"node {p.Id}");
        }
        foreach (var (p, e) in prometheus.Edges.Zip(embedded.Edges))
        {
            GroundTruth.WithinRps(p.Rps, e.Rps, $"edge {p.Source} -> {p.Target}");
            if (p.SuccessRate is { } successRate)
            {
                GroundTruth.WithinSuccessRate(successRate, e.SuccessRate, $"edge {p.Source} -> {p.Target}");
            }
            GroundTruth.SameBucketResolution(p.LatencyP99Ms, e.LatencyP99Ms, $"edge {p.Source} -> {p.Target} p99");
        }

        // The demo estate's shape: every meshed application workload carries traffic and is healthy, the data tier is there too.
        foreach (var (workload, _) in GroundTruth.MeshedCallees)
        {
            var node = Assert.Single(prometheus.Nodes, n => n.Id == workload.Id);
            Assert.True(node.Meshed);
            Assert.Equal(Topology.HealthClass.Healthy, node.Health);
        }
        Assert.Contains(prometheus.Nodes, n => n.Id == "data/statefulset/postgres" && !n.Meshed);
        var gateway = Assert.Single(prometheus.Nodes, n => n.Id == "traefik/deployment/traefik");
        Assert.Equal(("gateway", true, false), (gateway.Kind, gateway.Entry, gateway.Meshed));
        var entry = Assert.Single(prometheus.Edges, e => e.Target == "web/deployment/frontend" && e.Source is "traefik/deployment/traefik" or "unmeshed");
        GroundTruth.WithinRps(50, entry.Rps, $"{entry.Source} -> frontend");
    }
}
