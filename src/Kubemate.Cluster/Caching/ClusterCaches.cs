using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;

namespace Kubemate.Cluster.Caching;

/// <summary>
/// The watch caches the console reads from: the workload kinds, plus the mesh and gateway custom resources
/// this cluster actually serves, each at its preferred version.
/// </summary>
public sealed class ClusterCaches : IAsyncDisposable
{
    private readonly Dictionary<GroupKind, WatchCache> _caches;

    private ClusterCaches(InstalledKinds installed, Dictionary<GroupKind, WatchCache> caches)
    {
        Installed = installed;
        _caches = caches;
    }

    public InstalledKinds Installed { get; }

    public IReadOnlyCollection<WatchCache> All => _caches.Values;

    /// <summary>The cache of a kind, or null when the cluster does not serve it.</summary>
    public WatchCache? For(GroupKind kind) => _caches.GetValueOrDefault(kind);

    public static async Task<ClusterCaches> StartAsync(ClusterApi api, IEnumerable<GroupKind>? kinds = null,
        WatchCacheOptions? options = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var installed = await InstalledKinds.DiscoverAsync(new ApiDiscovery(api),
            kinds ?? KnownKinds.Workloads.Concat(KnownKinds.MeshAndGateway), cancellationToken).ConfigureAwait(false);
        var caches = new Dictionary<GroupKind, WatchCache>();
        try
        {
            foreach (var type in installed.All)
            {
                var cache = new WatchCache(api, type, null, options, time);
                caches[new GroupKind(type.Group, type.Kind)] = cache;
                await cache.StartAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            foreach (var cache in caches.Values)
            {
                await cache.DisposeAsync().ConfigureAwait(false);
            }
            throw;
        }
        return new ClusterCaches(installed, caches);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var cache in _caches.Values)
        {
            await cache.DisposeAsync().ConfigureAwait(false);
        }
    }
}
