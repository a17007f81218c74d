using System.Text.Json.Nodes;
using Kubemate.Application.Canary.Controller;
using Kubemate.Application.Canary.Releases;
using Kubemate.Application.Canary.Traffic;
using Kubemate.Application.Changes;
using Kubemate.Application.Identity;
using Kubemate.Application.Meshes;
using Kubemate.Application.Telemetry;
using Kubemate.Cluster.Apply;
using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Objects;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Identity;
using Kubemate.Model.Drivers;
using Kubemate.Sandbox;
using Kubemate.Sandbox.Simulation;
using Kubemate.Sandbox.Simulation.Estate;
using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Golden;

namespace Kubemate.Application.Tests.Canary.Controller;

/// <summary>
/// A sandbox with the demo estate and a canary backend (<c>orders-v2</c> beside <c>orders-v1</c>), an audit store,
/// the people's release service, and canary controllers on the real clock with short rounds and leases. Metrics come
/// from <see cref="ScriptedMetrics"/>: these tests are about what the controller does with a verdict; the telemetry
/// path is tested end to end with the simulator elsewhere.
/// </summary>
internal sealed class CanaryWorld : IAsyncDisposable
{
    public static readonly UserIdentity Alice = new("alice", ["platform-admins"]);
    public static readonly UserIdentity Olivia = new("olivia", ["team-orders"]);
    public static readonly UserIdentity Audrey = new("audrey", ["auditors"]);

    private readonly List<(CancellationTokenSource Stop, Task Run)> _running = [];

    private ProxyScraper? _scraper;
    private ClusterApi? _scraperApi;

    private CanaryWorld(SandboxServer server, AuditBackend audit, IMeshDriver driver, bool traffic)
    {
        Server = server;
        Audit = audit;
        Driver = driver;
        Connection = ClusterConnection.ForEndpoint(server.Url, server.Certificates.Authority, server.Admin.Token);
        Admin = Connection.CreateApi();
        Clusters = new UserClusters(Connection, "sandbox");
        var store = new EmbeddedStoreOptions { Mesh = driver.Conventions, ScrapeInterval = ScrapeInterval, Retention = TimeSpan.FromMinutes(15) };
        Store = new EmbeddedStore(store, TimeProvider.System);
        var telemetry = new TelemetryService(Store, null, new TelemetryOptions { Mesh = driver.Conventions });
        ControllerMetrics = traffic ? new TelemetryReleaseMetrics(telemetry) : Metrics;
        if (traffic)
        {
            _scraperApi = Connection.CreateApi();
            _scraper = new ProxyScraper(_scraperApi, Store, store);
            _scraper.Start();
        }
        Releases = new Kubemate.Application.Canary.Releases.CanaryReleases(Clusters, audit.Store, driver,
            new TelemetryReads(telemetry, new TelemetryVisibility(null, null, TimeProvider.System), new SharedReads(TimeProvider.System)), TimeProvider.System)
        {
            ActionWait = TimeSpan.FromSeconds(15),
        };
    }

    public SandboxServer Server { get; }

    public AuditBackend Audit { get; }

    public IMeshDriver Driver { get; }

    public ClusterConnection Connection { get; }

    public ClusterApi Admin { get; }

    public UserClusters Clusters { get; }

    public Kubemate.Application.Canary.Releases.CanaryReleases Releases { get; }

    /// <summary>How often the embedded store scrapes in these tests (the product's default is 10 s).</summary>
    public static readonly TimeSpan ScrapeInterval = TimeSpan.FromSeconds(1);

    public ScriptedMetrics Metrics { get; } = new();

    /// <summary>What the controllers judge by: <see cref="Metrics"/>, or with traffic, the embedded store scraping the simulator.</summary>
    public IReleaseMetrics ControllerMetrics { get; }

    public EmbeddedStore Store { get; }

    /// <param name="traffic">simulate the demo's traffic and judge it from the embedded store's scrapes, instead of <see cref="Metrics"/>.</param>
    public static async Task<CanaryWorld> StartAsync(string provider = MeshCatalog.DefaultProvider, DemoMesh mesh = DemoMesh.Linkerd, bool traffic = false)
    {
        var server = await SandboxSimulation.StartAsync(new SandboxOptions(), new SimulationOptions
        {
            SeedDemoEstate = true,
            SimulateTraffic = traffic,
            TrafficTickInterval = TimeSpan.FromSeconds(1),
            EstateMesh = mesh,
        });
        var world = new CanaryWorld(server, await AuditBackend.OpenAsync(AuditBackend.Sqlite), MeshCatalog.Shipped.Create(provider), traffic);
        foreach (var obj in CanaryDemo.OrdersV2Objects())
        {
            await world.Admin.CreateObjectAsync(obj["kind"]!.GetValue<string>() == "Service" ? BuiltInTypes.Service : BuiltInTypes.Deployment, "orders", obj, CancellationToken.None);
        }
        await Eventually.True(async () => (await Workloads.PodsAsync(world.Admin, "orders")).Any(p =>
            p["metadata"]?["labels"]?["version"]?.GetValue<string>() == "v2"
            && (p["status"]?["conditions"] as JsonArray ?? []).Any(c => c?["type"]?.GetValue<string>() == "Ready" && c["status"]?.GetValue<string>() == "True")),
            "the orders-v2 pod is ready");
        return world;
    }

    public static OperationContext Context(UserIdentity user) => new(user, "127.0.0.1", "sandbox");

    /// <summary>A controller (not started) with its own identity; <see cref="Run"/> starts one.</summary>
    public CanaryController NewController(string identity, HttpClient? webhooks = null) => new(
        Admin,
        new ChangeService(Admin, Audit.Store, new OperationContext(new UserIdentity(CanaryControllerOptions.AuditUser, []), "controller", "sandbox")),
        new ReleaseTraffic(Driver),
        ControllerMetrics,
        new ReleaseWebhooks(webhooks ?? new HttpClient()),
        new CanaryControllerOptions { Identity = identity, Round = TimeSpan.FromMilliseconds(200), LeaseDuration = TimeSpan.FromSeconds(3) },
        TimeProvider.System);

    /// <summary>Runs a controller in the background until the world is disposed, or <paramref name="stop"/> is cancelled.</summary>
    public CanaryController Run(string identity = "replica-a", CancellationTokenSource? stop = null, HttpClient? webhooks = null)
    {
        var controller = NewController(identity, webhooks);
        var cancel = stop ?? new CancellationTokenSource();
        _running.Add((cancel, Task.Run(() => controller.RunAsync(cancel.Token))));
        return controller;
    }

    /// <summary>Installs the kind and its roles as the controller does at start, without running one.</summary>
    public async Task InstallAsync()
    {
        var changes = new ChangeService(Admin, Audit.Store, Context(Alice));
        Assert.True((await CanaryInstaller.InstallAsync(changes, CancellationToken.None)).Succeeded);
    }

    public async Task<ChangeSetResult> CreateAsync(UserIdentity user, ReleaseRequest request)
    {
        var preview = await Releases.PreviewAsync(Context(user), request, CancellationToken.None);
        return await Releases.ApplyAsync(Context(user), preview.Change, force: false, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (stop, run) in _running)
        {
            await stop.CancelAsync();
            await run;
        }
        if (_scraper is not null)
        {
            await _scraper.DisposeAsync();
        }
        _scraperApi?.Dispose();
        Admin.Dispose();
        Clusters.Dispose();
        await Audit.DisposeAsync();
        await Server.DisposeAsync();
    }
}

/// <summary>Both versions' metrics as the test sets them; a healthy pair by default.</summary>
internal sealed class ScriptedMetrics : IReleaseMetrics
{
    public static readonly GoldenMetrics Healthy = GoldenMetrics.From(600, 0, TimeSpan.FromSeconds(30), 10, 20, 40);

    public GoldenMetrics Stable { get; set; } = Healthy;

    public GoldenMetrics Canary { get; set; } = Healthy;

    public int Reads { get; private set; }

    public Task<(GoldenMetrics Stable, GoldenMetrics Canary)?> ReadAsync(string ns, string service, string stable, string canary, TimeSpan window, CancellationToken cancellationToken)
    {
        Reads++;
        return Task.FromResult<(GoldenMetrics, GoldenMetrics)?>((Stable, Canary));
    }
}
