using System.Diagnostics;
using System.Text.Json.Nodes;
using Kubemate.Application;
using Kubemate.Application.Canary.Controller;
using Kubemate.Application.Canary.Releases;
using Kubemate.Application.Canary.Resource;
using Kubemate.Application.Canary.Traffic;
using Kubemate.Application.Changes;
using Kubemate.Application.Identity;
using Kubemate.Application.Meshes;
using Kubemate.Application.Telemetry;
using Kubemate.Audit.Storage;
using Kubemate.Cluster.Apply;
using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Identity;
using Kubemate.Cluster.Objects;
using Kubemate.Host.Load;
using Kubemate.Sandbox.Simulation.Estate;
using Kubemate.Sandbox.Simulation.Traffic;
using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Golden;

namespace Kubemate.Canary.Figures;

/// <summary>
/// A `kubemate sandbox` process (demo estate, simulated traffic) and, in this process, what `kubemate serve` runs for
/// canary releases: the embedded store scraping the proxies at serve's interval, and the canary controller. The
/// harness process does nothing else, so its CPU and memory are the controller's and the store's.
/// </summary>
internal sealed class CanaryLab : IAsyncDisposable
{
    public static readonly ResourceType Faults = new(TrafficFaultCrd.Group, TrafficFaultCrd.Version, TrafficFaultCrd.Kind, TrafficFaultCrd.Plural, true);
    private static readonly ResourceType HttpRoutes = new("gateway.networking.k8s.io", "v1", "HTTPRoute", "httproutes", true);

    private readonly string _directory;
    private readonly KubemateProcess _sandbox;
    private readonly ProxyScraper _scraper;
    private readonly ClusterApi _scraperApi;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _controller;
    private readonly SqlAuditStore _audit;

    private CanaryLab(string directory, KubemateProcess sandbox, ClusterConnection connection, SqlAuditStore audit, TimeSpan scrape)
    {
        _directory = directory;
        _sandbox = sandbox;
        _audit = audit;
        Admin = connection.CreateApi();
        var driver = MeshCatalog.Shipped.Create(MeshCatalog.DefaultProvider);
        var storeOptions = new EmbeddedStoreOptions { Mesh = driver.Conventions, ScrapeInterval = scrape };
        var store = new EmbeddedStore(storeOptions, TimeProvider.System);
        _scraperApi = connection.CreateApi();
        _scraper = new ProxyScraper(_scraperApi, store, storeOptions);
        _scraper.Start();
        var telemetry = new TelemetryService(store, null, new TelemetryOptions { Mesh = driver.Conventions });
        Clusters = new UserClusters(connection, "sandbox");
        Releases = new CanaryReleases(Clusters, audit, driver, new TelemetryReads(telemetry, new TelemetryVisibility(null, null, TimeProvider.System), new SharedReads(TimeProvider.System)), TimeProvider.System);
        var context = new OperationContext(new UserIdentity(CanaryControllerOptions.AuditUser, []), "controller", "sandbox");
        Controller = new CanaryController(Admin, new ChangeService(Admin, audit, context), new ReleaseTraffic(driver), new TelemetryReleaseMetrics(telemetry),
            new ReleaseWebhooks(new HttpClient()), new CanaryControllerOptions { Identity = "figures" }, TimeProvider.System,
            (error, what) => Console.Error.WriteLine($"controller: {what}: {error.Message}"));
        _controller = Task.Run(() => Controller.RunAsync(_stop.Token));
    }

    public ClusterApi Admin { get; }

    public UserClusters Clusters { get; }

    public CanaryReleases Releases { get; }

    public CanaryController Controller { get; }

    public static async Task<CanaryLab> StartAsync(TimeSpan scrape, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"kubemate-canary-figures-{Guid.NewGuid():n}");
        Directory.CreateDirectory(directory);
        var kubeconfig = Path.Combine(directory, "kubeconfig");
        var sandbox = await KubemateProcess.StartAsync("sandbox", ["sandbox", "--listen", "127.0.0.1:0", "--write-kubeconfig", kubeconfig, "--data-dir", Path.Combine(directory, "data")], cancellationToken);
        var connection = await ClusterConnection.FromKubeconfigAsync(kubeconfig, null);
        var audit = await SqlAuditStore.OpenSqliteAsync(Path.Combine(directory, "audit.db"));
        return new CanaryLab(directory, sandbox, connection, audit, scrape);
    }

    public static OperationContext Person { get; } = new(new UserIdentity("alice", ["platform-admins"]), "127.0.0.1", "sandbox");

    /// <summary>A canary version of orders (Deployment and Service orders-vN, pods version vN), waited for until ready.</summary>
    public async Task DeployCanaryAsync(string version, CancellationToken cancellationToken)
    {
        foreach (var template in CanaryDemo.OrdersV2Objects())
        {
            var obj = JsonNode.Parse(template.ToJsonString().Replace("orders-v2", $"orders-{version}", StringComparison.Ordinal).Replace("\"v2\"", $"\"{version}\"", StringComparison.Ordinal))!.AsObject();
            var type = obj["kind"]!.GetValue<string>() == "Service" ? BuiltInTypes.Service : BuiltInTypes.Deployment;
            await Admin.ApplyObjectAsync(type, "orders", obj["metadata"]!["name"]!.GetValue<string>(), obj, force: true, cancellationToken);
        }
        await UntilAsync(async () => (await Admin.ListObjectsAsync(BuiltInTypes.Pod, "orders", cancellationToken, $"app=orders,version={version}"))
            .Any(p => (p["status"]?["conditions"] as JsonArray ?? []).Any(c => c?["type"]?.GetValue<string>() == "Ready" && c["status"]?.GetValue<string>() == "True")),
            TimeSpan.FromMinutes(2), cancellationToken);
    }

    public async Task CreateAsync(string name, CanaryReleaseSpec spec, CancellationToken cancellationToken)
    {
        var preview = await Releases.PreviewAsync(Person, new ReleaseRequest("orders", name, spec), cancellationToken);
        var result = await Releases.ApplyAsync(Person, preview.Change, force: false, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Objects.Select(o => o.Reason)));
        }
    }

    /// <summary>
    /// Deletes the release and its HTTPRoute: the controller leaves a deleted release's split as it was, so the next
    /// release's route would otherwise share the Service with an older one, which Gateway API precedence prefers.
    /// </summary>
    public async Task DeleteReleaseAsync(string name, CancellationToken cancellationToken)
    {
        await Admin.DeleteObjectAsync(CanaryReleaseObject.Type, "orders", name, cancellationToken);
        if (await Admin.GetObjectOrNullAsync(HttpRoutes, "orders", name, cancellationToken) is not null)
        {
            await Admin.DeleteObjectAsync(HttpRoutes, "orders", name, cancellationToken);
        }
    }

    public async Task<CanaryReleaseObject?> ReleaseAsync(string name, CancellationToken cancellationToken)
    {
        var obj = await Admin.GetObjectOrNullAsync(CanaryReleaseObject.Type, "orders", name, cancellationToken);
        return obj is null ? null : CanaryReleaseObject.Read(obj);
    }

    /// <summary>The canary's weight in the release's HTTPRoute, or null before it exists.</summary>
    public async Task<int?> CanaryWeightAsync(string release, string canary, CancellationToken cancellationToken)
    {
        var route = await Admin.GetObjectOrNullAsync(HttpRoutes, "orders", release, cancellationToken);
        return (route?["spec"]?["rules"]?[0]?["backendRefs"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(b => b["name"]?.GetValue<string>() == canary).Select(b => b["weight"]?.GetValue<int>()).FirstOrDefault();
    }

    public Task FaultAsync(TrafficFault fault, CancellationToken cancellationToken) =>
        Admin.ApplyObjectAsync(Faults, fault.Namespace, fault.Name, fault.ToObject(), force: true, cancellationToken);

    public async Task ClearFaultAsync(TrafficFault fault, CancellationToken cancellationToken)
    {
        if (await Admin.GetObjectOrNullAsync(Faults, fault.Namespace, fault.Name, cancellationToken) is not null)
        {
            await Admin.DeleteObjectAsync(Faults, fault.Namespace, fault.Name, cancellationToken);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> done, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"not done within {timeout}");
            }
            await Task.Delay(100, cancellationToken);
        }
    }

    public double ResidentMegabytes() => Process.GetCurrentProcess().WorkingSet64 / 1024.0 / 1024.0;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _controller;
        await _scraper.DisposeAsync();
        _scraperApi.Dispose();
        Admin.Dispose();
        Clusters.Dispose();
        await _audit.DisposeAsync();
        await _sandbox.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
