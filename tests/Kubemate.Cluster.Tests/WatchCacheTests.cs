using System.Text.Json.Nodes;
using Kubemate.Cluster.Apply;
using Kubemate.Cluster.Caching;
using Kubemate.Cluster.Discovery;

namespace Kubemate.Cluster.Tests;

/// <summary>List + watch caches against the sandbox: initial list, live updates, recovery from 410 Gone.</summary>
public sealed class WatchCacheTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_cache_lists_first_then_follows_adds_updates_and_deletes()
    {
        var ns = await sandbox.NewNamespaceAsync();
        using var api = sandbox.Admin();
        var engine = new ApplyEngine(api);
        await engine.ApplyAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap(ns, "before", ("k", "1"))]));
        var type = await new ApiDiscovery(api).ResolveAsync("v1", "ConfigMap");
        await using var cache = new WatchCache(api, type, ns);

        await cache.StartAsync();
        Assert.Equal(["before"], Names(cache.Items));

        using var deadline = new CancellationTokenSource(Deadline);
        await engine.ApplyAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap(ns, "later", ("k", "1")), TestManifests.ConfigMap(ns, "before", ("k", "2"))]));
        await cache.WaitForAsync(items => Names(items).SequenceEqual(["before", "later"]) && (string?)cache.Get(ns, "before")!["data"]!["k"] == "2", deadline.Token);

        await engine.ApplyAsync(new ChangeSet([Change.Delete(TestManifests.ConfigMap(ns, "before"))]));
        await cache.WaitForAsync(items => Names(items).SequenceEqual(["later"]), deadline.Token);
        Assert.Equal("ConfigMap", (string?)cache.Get(ns, "later")!["kind"]);
        Assert.Equal(1, cache.ListCount);
    }

    [Fact]
    public async Task A_watch_resumed_after_the_history_moved_on_gets_410_and_the_cache_relists()
    {
        var quiet = await sandbox.NewNamespaceAsync("quiet");
        var busy = await sandbox.NewNamespaceAsync("busy");
        using var api = sandbox.Admin();
        var engine = new ApplyEngine(api);
        var type = await new ApiDiscovery(api).ResolveAsync("v1", "ConfigMap");
        // Watches end after about a second; without bookmarks each resume starts from the quiet namespace's last version.
        var options = new WatchCacheOptions { WatchTimeout = TimeSpan.FromSeconds(1), InitialBackoff = TimeSpan.FromMilliseconds(50), AllowBookmarks = false };
        await using var cache = new WatchCache(api, type, quiet, options);
        await cache.StartAsync();

        // More events elsewhere than the sandbox keeps (WatchHistory = 30), so the quiet watch's version is compacted.
        for (var i = 0; i < 40; i++)
        {
            await engine.ApplyAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap(busy, $"churn-{i}")]), new ApplyOptions { DryRunFirst = false });
        }
        using var deadline = new CancellationTokenSource(Deadline);
        await Testing.Eventually.Until(() => Task.FromResult((Lists: cache.ListCount, Watches: cache.WatchCount, Error: cache.LastError?.Message)),
            state => state.Lists >= 2, "the cache to re-list after 410 Gone", Deadline);

        await engine.ApplyAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap(quiet, "after-relist")]));
        await cache.WaitForAsync(items => Names(items).SequenceEqual(["after-relist"]), deadline.Token);
    }

    [Fact]
    public async Task Cluster_caches_cover_the_workload_kinds_and_only_the_mesh_kinds_that_are_installed()
    {
        using var api = sandbox.Admin();

        await using var caches = await ClusterCaches.StartAsync(api);

        foreach (var kind in KnownKinds.Workloads)
        {
            Assert.NotNull(caches.For(kind));
        }
        Assert.Equal("v1", caches.Installed.Find(KnownKinds.GatewayHttpRoute)!.Version);
        Assert.NotNull(caches.For(KnownKinds.GatewayHttpRoute));
        Assert.False(caches.Installed.Has(KnownKinds.SmiTrafficSplit));
        Assert.Null(caches.For(KnownKinds.SmiTrafficSplit));
    }

    private static List<string> Names(IEnumerable<JsonObject> items) =>
        items.Select(i => (string)i["metadata"]!["name"]!).Order(StringComparer.Ordinal).ToList();
}
