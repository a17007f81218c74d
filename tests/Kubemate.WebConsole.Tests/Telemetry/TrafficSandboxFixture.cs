using Kubemate.Application.Identity;
using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Http;
using Kubemate.WebConsole.Session;
using Kubemate.Sandbox;
using Kubemate.Sandbox.Simulation;
using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Inventory;

namespace Kubemate.WebConsole.Tests.Telemetry;

[CollectionDefinition(Name)]
public sealed class TrafficSandboxCollection : ICollectionFixture<TrafficSandboxFixture>
{
    public const string Name = "demo sandbox with traffic";
}

/// <summary>
/// The demo estate with simulated traffic every second and Kubemate's embedded store scraping the proxies every
/// second, as <c>kubemate serve</c> runs without Prometheus. Startup waits until the graph has edges with traffic.
/// </summary>
public sealed class TrafficSandboxFixture : IAsyncLifetime
{
    private static readonly EmbeddedStoreOptions Store = new() { ScrapeInterval = TimeSpan.FromSeconds(1), Retention = TimeSpan.FromMinutes(15) };

    private SandboxServer? _server;
    private ClusterApi? _scraperApi;
    private ClusterApi? _inventoryApi;
    private ProxyScraper? _scraper;

    public ClusterConnection Connection { get; private set; } = null!;

    public TelemetryService Telemetry { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await SandboxSimulation.StartAsync(new SandboxOptions(),
            new SimulationOptions { SeedDemoEstate = true, TrafficTickInterval = TimeSpan.FromSeconds(1) });
        Connection = ClusterConnection.ForEndpoint(_server.Url, _server.Certificates.Authority, _server.Admin.Token);
        Clusters = new UserClusters(Connection, "sandbox");
        var store = new EmbeddedStore(Store);
        _scraperApi = Connection.CreateApi();
        _inventoryApi = Connection.CreateApi();
        _scraper = new ProxyScraper(_scraperApi, store, TestMeshes.Scrape(Store));
        _scraper.Start();
        Telemetry = new TelemetryService(store, new ClusterWorkloadInventory(_inventoryApi), TestMeshes.Options);
        await Eventually.True(async () =>
        {
            var graph = await Telemetry.TopologyAsync(null, TelemetryWindow.OneMinute, default);
            return graph.Value is { } value && value.Edges.Count(e => e.Rps > 0) >= 3;
        }, "the embedded store seeing calls between the demo workloads", TimeSpan.FromSeconds(120));
    }

    /// <summary>The users' impersonating clients, as the host keeps them.</summary>
    public UserClusters Clusters { get; private set; } = null!;

    public ConsoleSession SessionOf(string user) => DemoUserSession.For(_server!, Connection, Clusters, user);

    public async Task DisposeAsync()
    {
        if (_scraper is not null)
        {
            await _scraper.DisposeAsync();
        }
        Clusters?.Dispose();
        _scraperApi?.Dispose();
        _inventoryApi?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
