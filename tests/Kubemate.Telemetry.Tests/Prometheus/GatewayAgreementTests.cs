using System.Text.Json.Nodes;
using Kubemate.Cluster.Connection;
using Kubemate.Sandbox;
using Kubemate.Sandbox.Simulation;
using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Inventory;
using Kubemate.Telemetry.Prometheus;
using Kubemate.Telemetry.Querying;
using Kubemate.Telemetry.Tests.Simulated;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Kubemate.Telemetry.Tests.Prometheus;

/// <summary>
/// Acceptance (gateway as the entry): on the demo estate with simulated traffic, a real Prometheus scraping the
/// meshed pods (linkerd-viz job) and the Traefik pods (<see cref="TraefikScrapeJob"/>) and the embedded store both show
/// the unmeshed Traefik as the entry node with an edge to web/frontend read from Traefik's metrics, and agree on it.
/// </summary>
public sealed class GatewayAgreementTests(ITestOutputHelper output)
{
    private static readonly TelemetryWindow Window = new("10s", TimeSpan.FromSeconds(10));
    private const string Gateway = "traefik/deployment/traefik";
    private const string Frontend = "web/deployment/frontend";

    [Fact]
    public async Task Prometheus_and_the_embedded_store_agree_on_the_gateway_entry_edge()
    {
        await using var server = await SandboxSimulation.StartAsync(new SandboxOptions(),
            new SimulationOptions { SeedDemoEstate = true, TrafficTickInterval = TimeSpan.FromSeconds(1) });
        var connection = ClusterConnection.ForEndpoint(server.Url, server.Certificates.Authority, server.Admin.Token);
        var directory = Directory.CreateTempSubdirectory("kubemate-gw-").FullName;
        var ca = Path.Combine(directory, "sandbox-ca.pem");
        await File.WriteAllTextAsync(ca, server.Certificates.Authority.ExportCertificatePem());
        await using var discovery = await PodDiscoveryShim.StartAsync(() => connection.CreateApi());
        var jobs = new[]
        {
            LinkerdVizScrapeJob.ForSandbox(server.Url, ca, server.Admin.Token, discovery.Url),
            TraefikScrapeJob.ForSandbox(server.Url, ca, server.Admin.Token, discovery.Url),
        };
        await using var prometheus = await PrometheusProcess.StartAsync(LinkerdVizScrapeJob.Config(jobs, TimeSpan.FromSeconds(1)));
        using var http = new HttpClient();
        var promBackend = new PrometheusBackend(http, new PrometheusOptions(prometheus.Url));
        var store = new EmbeddedStore(new EmbeddedStoreOptions { ScrapeInterval = TimeSpan.FromSeconds(1), Retention = TimeSpan.FromMinutes(5) });
        using var api = connection.CreateApi();
        await using var scraper = new ProxyScraper(api, store, new EmbeddedStoreOptions { ScrapeInterval = TimeSpan.FromSeconds(1) });
        scraper.Start();

        var traefikPods = await Eventually.Until(() => RunningTraefikPodsAsync(api), count => count > 0, "running Traefik pods", TimeSpan.FromSeconds(120));
        foreach (var backend in new ITelemetryBackend[] { promBackend, store })
        {
            await Eventually.True(async () => await UpAsync(backend, "traefik") >= traefikPods && await UpAsync(backend, "linkerd-proxy") > 0,
                $"{backend.Description}: scraping the {traefikPods} Traefik pods and the proxies\n{prometheus.Log}", TimeSpan.FromSeconds(120));
        }
        var since = DateTimeOffset.UtcNow;
        await Eventually.True(() => Task.FromResult(DateTimeOffset.UtcNow - since > Window.Duration + TimeSpan.FromSeconds(4)), "a full window of samples", TimeSpan.FromSeconds(30));

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow - TimeSpan.FromSeconds(2));
        var inventory = new SnapshotInventory(new ClusterWorkloadInventory(api));
        var viaPrometheus = (await new TelemetryService(promBackend, inventory, clock: clock).TopologyAsync(null, Window, default)).Value!;
        var viaEmbedded = (await new TelemetryService(store, inventory, clock: clock).TopologyAsync(null, Window, default)).Value!;

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
        Directory.Delete(directory, recursive: true);
    }

    private static async Task<int> RunningTraefikPodsAsync(Kubemate.Cluster.Http.ClusterApi api)
    {
        var pods = await api.SendAsync(HttpMethod.Get, "api/v1/namespaces/traefik/pods?labelSelector=app.kubernetes.io%2Fname%3Dtraefik", null, null, default);
        return (pods["items"] as JsonArray ?? []).OfType<JsonObject>().Count(p => p["status"]?["phase"]?.GetValue<string>() == "Running");
    }

    private static async Task<int> UpAsync(ITelemetryBackend backend, string job)
    {
        var up = new MetricQuery("up", QueryFunctionKind.Latest, TimeSpan.Zero, [LabelMatcher.Is("job", job)], ["pod"]);
        var result = await backend.QueryAsync(up, QueryTime.Instant(DateTimeOffset.UtcNow), default);
        return result.Value?.Count(s => s.Last == 1) ?? 0;
    }
}
