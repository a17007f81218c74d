using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Prometheus;
using Kubemate.Telemetry.Querying;
using Kubemate.Telemetry.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Kubemate.Telemetry.Tests.Prometheus;

/// <summary>
/// Acceptance: a real Prometheus discovers the sandbox's pods (through <see cref="PodDiscoveryShim"/>, as Debian's build
/// lacks Kubernetes discovery) and scrapes them with the linkerd-viz chart's own linkerd-proxy relabelling, through the
/// pod proxy; the embedded store scrapes the same pods.
/// Both must recover the ground truth and agree: RPS within 5%, success rate within 0.01, p50/p99 within 10%.
/// </summary>
public sealed class BackendAgreementTests(ITestOutputHelper output)
{
    // 20 s rather than 10: Prometheus extrapolates increase() at the window's ends from 1 s scrapes that a busy
    // machine delays, which cost up to 6 % of a 10 s window (18.8 of 20 rps once in CI) and half that of 20 s.
    private static readonly TelemetryWindow Window = new("20s", TimeSpan.FromSeconds(20));

    [Fact]
    public async Task Prometheus_and_the_embedded_store_agree_on_golden_metrics_edges_and_topology_and_recover_the_ground_truth()
    {
        await using var estate = await LiveEstate.StartAsync(Estates.Bank);
        var directory = Directory.CreateTempSubdirectory("kubemate-tel-").FullName;
        var ca = await estate.WriteCertificateAuthorityAsync(directory);
        await using var discovery = await PodDiscoveryShim.StartAsync(() => estate.Connection.CreateApi());
        var config = LinkerdVizScrapeJob.Config(LinkerdVizScrapeJob.ForSandbox(estate.Server.Url, ca, estate.Server.Admin.Token, discovery.Url), TimeSpan.FromSeconds(1));
        await using var prometheus = await PrometheusProcess.StartAsync(config);
        using var http = new HttpClient();
        var promBackend = new PrometheusBackend(http, new PrometheusOptions(prometheus.Url));
        var store = new EmbeddedStore(new EmbeddedStoreOptions { ScrapeInterval = TimeSpan.FromSeconds(1), Retention = TimeSpan.FromMinutes(5) });
        using var api = estate.Connection.CreateApi();
        await using var scraper = new ProxyScraper(api, store, new EmbeddedStoreOptions { ScrapeInterval = TimeSpan.FromSeconds(1), Mesh = TestMeshes.Linkerd });
        scraper.Start();

        var upQuery = new MetricQuery("up", QueryFunctionKind.Latest, TimeSpan.Zero, [LabelMatcher.Is("job", "linkerd-proxy")], ["pod"]);
        var targets = await Eventually.Until(async () => (await promBackend.QueryAsync(upQuery, QueryTime.Instant(DateTimeOffset.UtcNow), default)).Value ?? [],
            series => series.Count(s => s.Last == 1) == 4, $"prometheus scraping the 4 meshed pods\n{prometheus.Log}", TimeSpan.FromSeconds(60));
        Assert.Equal(["orders-0", "payment-0", "users-0", "web-0"], targets.Select(t => t.Labels["pod"]).Order(StringComparer.Ordinal));
        var since = DateTimeOffset.UtcNow;
        await Eventually.True(() => Task.FromResult(DateTimeOffset.UtcNow - since > Window.Duration + TimeSpan.FromSeconds(4)), "a full window of samples", TimeSpan.FromSeconds(30));

        // Both evaluated at the same instant, a little in the past so both have scraped up to it.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow - TimeSpan.FromSeconds(3));
        var viaPrometheus = new TelemetryService(promBackend, options: TestMeshes.Options, clock: clock);
        var viaEmbedded = new TelemetryService(store, options: TestMeshes.Options, clock: clock);

        var promStats = (await viaPrometheus.WorkloadsAsync(null, Window, default)).Value!;
        var embeddedStats = (await viaEmbedded.WorkloadsAsync(null, Window, default)).Value!;
        foreach (var stat in promStats)
        {
            output.WriteLine($"prometheus {stat.Workload}: rps {stat.Metrics.Rps:F2} sr {stat.Metrics.SuccessRate:F3} p50 {stat.Metrics.LatencyP50Ms:F2} p99 {stat.Metrics.LatencyP99Ms:F2}");
        }
        foreach (var stat in embeddedStats)
        {
            output.WriteLine($"embedded   {stat.Workload}: rps {stat.Metrics.Rps:F2} sr {stat.Metrics.SuccessRate:F3} p50 {stat.Metrics.LatencyP50Ms:F2} p99 {stat.Metrics.LatencyP99Ms:F2}");
        }
        Assert.Equal(promStats.Select(s => s.Workload), embeddedStats.Select(s => s.Workload));
        foreach (var (truth, ns, name) in new[] { (20.0, "shop", "orders"), (5.0, "accounts", "users"), (8.0, "payments", "payment"), (12.0, "shop", "web") })
        {
            var workload = new WorkloadRef(ns, "deployment", name);
            var failureRatio = Estates.Bank.Where(e => e.Destination == name).Sum(e => e.Rps * e.FailureRatio) / truth;
            foreach (var stat in new[] { promStats.Single(s => s.Workload == workload), embeddedStats.Single(s => s.Workload == workload) })
            {
                Assert.InRange(stat.Metrics.Rps, truth * 0.95, truth * 1.05);
                Assert.InRange(stat.Metrics.SuccessRate!.Value, 1 - failureRatio - 0.01, 1 - failureRatio + 0.01);
                Assert.InRange(stat.Metrics.LatencyP50Ms!.Value, ProxyTraffic.P50 * 0.9, ProxyTraffic.P50 * 1.1);
                Assert.InRange(stat.Metrics.LatencyP99Ms!.Value, ProxyTraffic.P99 * 0.9, ProxyTraffic.P99 * 1.1);
            }
        }

        var promEdges = (await viaPrometheus.EdgesAsync(null, Window, default)).Value!;
        var embeddedEdges = (await viaEmbedded.EdgesAsync(null, Window, default)).Value!;
        Assert.Equal(promEdges.Select(e => (e.Source, e.Destination, e.Secured)), embeddedEdges.Select(e => (e.Source, e.Destination, e.Secured)));
        foreach (var (p, e) in promEdges.Zip(embeddedEdges))
        {
            Assert.InRange(e.Metrics.Rps, p.Metrics.Rps * 0.95, p.Metrics.Rps * 1.05);
        }

        var promGraph = (await viaPrometheus.TopologyAsync(null, Window, default)).Value!;
        var embeddedGraph = (await viaEmbedded.TopologyAsync(null, Window, default)).Value!;
        Assert.Equal(promGraph.Nodes.Select(n => (n.Id, n.Kind, n.Meshed, n.Health)), embeddedGraph.Nodes.Select(n => (n.Id, n.Kind, n.Meshed, n.Health)));
        Assert.Equal(promGraph.Edges.Select(e => (e.Source, e.Target, e.Mtls, e.Health)), embeddedGraph.Edges.Select(e => (e.Source, e.Target, e.Mtls, e.Health)));
        Assert.Equal(promGraph.Queries, embeddedGraph.Queries);
        Assert.True(estate.Proxies.Served > 0);

        var badRegex = await promBackend.QueryAsync(new MetricQuery("response_total", QueryFunctionKind.Increase, TimeSpan.FromMinutes(1),
            [new LabelMatcher("pod", MatchOperator.Regex, "(")]), QueryTime.Instant(DateTimeOffset.UtcNow), default);
        Assert.Equal(UnavailableReason.QueryError, badRegex.Unavailable!.Reason);
        Assert.Equal("bad_data", badRegex.Unavailable.ErrorType);

        await prometheus.StopAsync();
        var stopped = await viaPrometheus.TopologyAsync(null, Window, default);
        Assert.Equal(TelemetryStatus.Unavailable, stopped.Status);
        Assert.Equal(UnavailableReason.Unreachable, stopped.Unavailable!.Reason);
        Directory.Delete(directory, recursive: true);
    }
}
