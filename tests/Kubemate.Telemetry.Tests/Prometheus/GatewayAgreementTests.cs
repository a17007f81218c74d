using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Inventory;
using Kubemate.Telemetry.Tests.Simulated;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Kubemate.Telemetry.Tests.Prometheus;

/// <summary>
/// Acceptance (gateway as the entry): on the demo estate with simulated traffic, a real Prometheus scraping the
/// meshed pods (linkerd-viz job) and the Traefik pods (<see cref="TraefikScrapeJob"/>) and the embedded store both show
/// the unmeshed Traefik as the entry node with an edge to web/frontend read from Traefik's metrics, and agree on it.
/// The estate, Prometheus and the embedded store are the <see cref="SimulatedTrafficFixture"/>'s, read at its baseline.
/// </summary>
[Collection(SimulatedTrafficCollection.Name)]
public sealed class GatewayAgreementTests(SimulatedTrafficFixture fixture, ITestOutputHelper output)
{
    // 30 s of the fixture's minute of baseline: the two scrapers' phases at the window's ends cost up to 7 % of a 10 s
    // window (44.9 against 48.2 rps once in CI), a third of that here.
    private static readonly TelemetryWindow Window = new("30s", TimeSpan.FromSeconds(30));
    private const string Gateway = "traefik/deployment/traefik";
    private const string Frontend = "web/deployment/frontend";

    [Fact]
    public async Task Prometheus_and_the_embedded_store_agree_on_the_gateway_entry_edge()
    {
        // The shared fixture scrapes the Traefik pods and the proxies in both backends; its baseline is undisturbed traffic.
        var clock = new FakeTimeProvider(fixture.BaselineAt);
        var inventory = new SnapshotInventory(new ClusterWorkloadInventory(fixture.Api));
        var viaPrometheus = (await new TelemetryService(fixture.PrometheusBackend, inventory, TestMeshes.Options, clock).TopologyAsync(null, Window, default)).Value!;
        var viaEmbedded = (await new TelemetryService(fixture.Embedded, inventory, TestMeshes.Options, clock).TopologyAsync(null, Window, default)).Value!;

        foreach (var graph in new[] { viaPrometheus, viaEmbedded })
        {
            var gateway = Assert.Single(graph.Nodes, n => n.Id == Gateway);
            Assert.Equal(("gateway", true, false), (gateway.Kind, gateway.Entry, gateway.Meshed));
            Assert.DoesNotContain(graph.Edges, e => e.Source == "unmeshed" && e.Target == Frontend);
            Assert.Equal(8, graph.Queries);
        }
        var fromPrometheus = Assert.Single(viaPrometheus.Edges, e => e.Source == Gateway && e.Target == Frontend);
        var fromEmbedded = Assert.Single(viaEmbedded.Edges, e => e.Source == Gateway && e.Target == Frontend);
        output.WriteLine($"prometheus: rps {fromPrometheus.Rps:F2} sr {fromPrometheus.SuccessRate:F4} p99 {fromPrometheus.LatencyP99Ms:F1} ms");
        output.WriteLine($"embedded:   rps {fromEmbedded.Rps:F2} sr {fromEmbedded.SuccessRate:F4} p99 {fromEmbedded.LatencyP99Ms:F1} ms");
        Assert.True(fromPrometheus.Rps > 0);
        Assert.InRange(fromEmbedded.Rps, fromPrometheus.Rps * 0.95, fromPrometheus.Rps * 1.05);
        Assert.InRange(fromEmbedded.SuccessRate!.Value, fromPrometheus.SuccessRate!.Value - 0.01, fromPrometheus.SuccessRate.Value + 0.01);
        // Traefik's default buckets are coarse (0.1, 0.3, 1.2, 5 s): the p99 rank falls inside the 0.1-0.3 s bucket, which
        // holds only a few percent of requests, so a handful of requests of scrape-phase difference moves it; hence 20 %.
        Assert.InRange(fromEmbedded.LatencyP99Ms!.Value, fromPrometheus.LatencyP99Ms!.Value * 0.8, fromPrometheus.LatencyP99Ms.Value * 1.2);
        Assert.False(fromPrometheus.Mtls || fromEmbedded.Mtls);
    }
}
