using System.Text.Json.Nodes;
using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Http;
using Kubemate.Sandbox;
using Kubemate.Sandbox.Simulation;
using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Inventory;
using Kubemate.Telemetry.Prometheus;
using Kubemate.Telemetry.Querying;
using Kubemate.Telemetry.Tests.Prometheus;
using Kubemate.Telemetry.Topology;
using Microsoft.Extensions.Time.Testing;

namespace Kubemate.Telemetry.Tests.Simulated;

[CollectionDefinition(Name)]
public sealed class SimulatedTrafficCollection : ICollectionFixture<SimulatedTrafficFixture>
{
    public const string Name = "simulated traffic";
}

/// <summary>
/// The demo estate with the traffic simulator ticking every second on real time, a real Prometheus scraping it every
/// second with the linkerd-viz chart's <c>linkerd-proxy</c> job and a <c>traefik</c> job (through
/// <see cref="PodDiscoveryShim"/> and the pod proxy) and Kubemate's embedded store scraping the same pods every second. Startup waits until both have a full
/// minute of samples and fixes <see cref="BaselineAt"/>: an instant before any test changed the estate, so the
/// agreement tests read the undisturbed profile whatever order the tests run in.
/// </summary>
public sealed class SimulatedTrafficFixture : IAsyncLifetime
{
    public static readonly TimeSpan ScrapeInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Health thresholds for comparing the backends: the profile's error rates (0.1-0.2 %) give a handful of failures a
    /// minute, and whether one lands inside a window depends on each backend's scrape phase. Any failure counting as
    /// degraded would make the comparison a coin toss; 2 % keeps degraded meaningful and failing at Kiali's 10 %.
    /// </summary>
    public static readonly HealthThresholds Health = new(DegradedAbove: 0.02, FailingAtOrAbove: 0.10);

    private readonly HttpClient http = new();
    private SandboxServer? server;
    private PodDiscoveryShim? discovery;
    private PrometheusProcess? prometheus;
    private ProxyScraper? scraper;
    private ClusterApi? scraperApi;
    private ClusterApi? api;
    private string? directory;

    public SandboxServer Server => server ?? throw new InvalidOperationException("the fixture has not started");
    public ClusterApi Api => api ?? throw new InvalidOperationException("the fixture has not started");
    public PrometheusProcess Prometheus => prometheus ?? throw new InvalidOperationException("the fixture has not started");
    public HttpClient Http => http;
    public PrometheusBackend PrometheusBackend { get; private set; } = null!;
    public EmbeddedStore Embedded { get; } = new(new EmbeddedStoreOptions { ScrapeInterval = ScrapeInterval, Retention = TimeSpan.FromMinutes(15) });

    /// <summary>An instant with a full minute of undisturbed demo traffic behind it in both backends.</summary>
    public DateTimeOffset BaselineAt { get; private set; }

    public async Task InitializeAsync()
    {
        server = await SandboxSimulation.StartAsync(new SandboxOptions(),
            new SimulationOptions { SeedDemoEstate = true, TrafficTickInterval = TimeSpan.FromSeconds(1) });
        var connection = ClusterConnection.ForEndpoint(server.Url, server.Certificates.Authority, server.Admin.Token);
        api = connection.CreateApi();
        scraperApi = connection.CreateApi();
        directory = Directory.CreateTempSubdirectory("kubemate-pit-").FullName;
        var ca = Path.Combine(directory, "sandbox-ca.pem");
        await File.WriteAllTextAsync(ca, server.Certificates.Authority.ExportCertificatePem());
        discovery = await PodDiscoveryShim.StartAsync(() => connection.CreateApi());
        // The chart's linkerd-proxy job, plus Traefik's own metrics as the embedded store scrapes them (gateway entry edges).
        var jobs = new[]
        {
            LinkerdVizScrapeJob.ForSandbox(server.Url, ca, server.Admin.Token, discovery.Url),
            TraefikScrapeJob.ForSandbox(server.Url, ca, server.Admin.Token, discovery.Url),
        };
        prometheus = await PrometheusProcess.StartAsync(LinkerdVizScrapeJob.Config(jobs, ScrapeInterval));
        PrometheusBackend = new PrometheusBackend(http, new PrometheusOptions(prometheus.Url));
        scraper = new ProxyScraper(scraperApi, Embedded, new EmbeddedStoreOptions { ScrapeInterval = ScrapeInterval, Mesh = TestMeshes.Linkerd });
        scraper.Start();

        var meshed = await MeshedApplicationPodsAsync();
        await Eventually.True(async () => await ScrapedPodsAsync(PrometheusBackend) >= meshed && await ScrapedPodsAsync(Embedded) >= meshed,
            $"both backends scraping the {meshed} meshed application pods\n{prometheus.Log}", TimeSpan.FromSeconds(120));
        await Eventually.True(async () => await ScrapedGatewaysAsync(PrometheusBackend) == 3 && await ScrapedGatewaysAsync(Embedded) == 3,
            $"both backends scraping the 3 Traefik pods\n{prometheus.Log}", TimeSpan.FromSeconds(120));
        var allScraped = DateTimeOffset.UtcNow;
        BaselineAt = allScraped + TimeSpan.FromMinutes(1) + 3 * ScrapeInterval;
        await Eventually.True(() => Task.FromResult(DateTimeOffset.UtcNow > BaselineAt + 2 * ScrapeInterval),
            "a full minute of traffic in both backends", TimeSpan.FromSeconds(120));
    }

    /// <summary>
    /// Both backends behind a <see cref="TelemetryService"/> evaluating at <paramref name="at"/>, sharing one snapshot
    /// of the cluster's workload list.
    /// </summary>
    public (TelemetryService Prometheus, TelemetryService Embedded) ServicesAt(DateTimeOffset at)
    {
        var clock = new FakeTimeProvider(at);
        var options = new TelemetryOptions { Health = Health, Mesh = TestMeshes.Linkerd };
        var inventory = new SnapshotInventory(new ClusterWorkloadInventory(Api));
        return (new TelemetryService(PrometheusBackend, inventory, options, clock), new TelemetryService(Embedded, inventory, options, clock));
    }

    /// <summary>Both backends, Prometheus first, for queries on the primitive.</summary>
    public IReadOnlyList<ITelemetryBackend> Backends => [PrometheusBackend, Embedded];

    /// <summary>The sum of a query's series at <paramref name="at"/> (zero when there is none).</summary>
    public static async Task<double> SumAsync(ITelemetryBackend backend, MetricQuery query, DateTimeOffset at)
    {
        var result = await backend.QueryAsync(query, QueryTime.Instant(at), default);
        Assert.True(result.HasValue, $"{backend.Description}: {result.Unavailable?.Message}");
        return result.Value!.Select(s => s.Last).Where(v => !double.IsNaN(v)).Sum();
    }

    /// <summary>A short <see cref="TelemetryWindow"/> for watching changes; the API itself only accepts 1m and up.</summary>
    public static TelemetryWindow Window(TimeSpan duration) => new($"{duration.TotalSeconds}s", duration);

    public async Task CreateAsync(string collectionPath, JsonObject body) =>
        await Api.SendAsync(HttpMethod.Post, collectionPath, body, "application/json", default);

    public async Task DeleteAsync(string path) => await Api.SendAsync(HttpMethod.Delete, path, null, null, default);

    public async Task DisposeAsync()
    {
        if (scraper is not null)
        {
            await scraper.DisposeAsync();
        }
        if (prometheus is not null)
        {
            await prometheus.DisposeAsync();
        }
        if (discovery is not null)
        {
            await discovery.DisposeAsync();
        }
        api?.Dispose();
        scraperApi?.Dispose();
        http.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
        if (directory is not null)
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<int> MeshedApplicationPodsAsync() => await Eventually.Until(async () =>
        {
            var pods = await Api.SendAsync(HttpMethod.Get, "api/v1/pods", null, null, default);
            return (pods["items"] as JsonArray ?? []).OfType<JsonObject>()
                .Where(p => p["metadata"]?["namespace"]?.GetValue<string>() is "web" or "orders" or "payments")
                .Count(p => p["status"]?["phase"]?.GetValue<string>() == "Running"
                    && (p["spec"]?["containers"] as JsonArray ?? []).Any(c => c?["name"]?.GetValue<string>() == "linkerd-proxy"));
        }, count => count == 9, "the 9 meshed application pods of the demo estate running (frontend 2, orders 2, inventory 2, payment 2, fraud-check 1)",
        TimeSpan.FromSeconds(120));

    private static async Task<int> ScrapedGatewaysAsync(ITelemetryBackend backend)
    {
        var up = new MetricQuery("up", QueryFunctionKind.Latest, TimeSpan.Zero, [LabelMatcher.Is("job", TraefikScrapeJob.Name)], ["pod"]);
        var result = await backend.QueryAsync(up, QueryTime.Instant(DateTimeOffset.UtcNow), default);
        return result.Value?.Count(s => s.Last == 1) ?? 0;
    }

    private static async Task<int> ScrapedPodsAsync(ITelemetryBackend backend)
    {
        var up = new MetricQuery("up", QueryFunctionKind.Latest, TimeSpan.Zero,
            [LabelMatcher.Is("job", "linkerd-proxy"), LabelMatcher.OneOf("namespace", ["web", "orders", "payments"])], ["pod"]);
        var result = await backend.QueryAsync(up, QueryTime.Instant(DateTimeOffset.UtcNow), default);
        return result.Value?.Count(s => s.Last == 1) ?? 0;
    }
}
