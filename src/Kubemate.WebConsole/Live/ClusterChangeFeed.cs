using Kubemate.Cluster.Caching;
using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;
using Microsoft.Extensions.Logging;

namespace Kubemate.WebConsole.Live;

/// <summary>
/// Tells open pages that namespaces or pods changed, so they re-read what they show (as their user) without a
/// reload. One pair of watches (Kubemate's own identity; only the fact of a change is passed on, never an object)
/// serves every circuit; changes are coalesced so a page refreshes at most once per <see cref="Coalescing"/>.
/// </summary>
public sealed class ClusterChangeFeed(ClusterConnection connection, TimeProvider time, ILogger<ClusterChangeFeed> logger) : IAsyncDisposable
{
    public static readonly TimeSpan Coalescing = TimeSpan.FromSeconds(1);

    private static readonly ResourceType Namespaces = BuiltInTypes.Namespace;
    private static readonly ResourceType Pods = BuiltInTypes.Pod;

    private readonly Lock _gate = new();
    private readonly List<Func<Task>> _subscribers = [];
    private readonly SemaphoreSlim _starting = new(1, 1);
    private ClusterApi? _api;
    private List<WatchCache>? _caches;
    private ITimer? _pending;

    /// <summary>Calls <paramref name="onChanged"/> after changes until the returned handle is disposed.</summary>
    public async Task<IDisposable> SubscribeAsync(Func<Task> onChanged, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _subscribers.Add(onChanged);
        }
        try
        {
            await StartAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The page shows its own read error; the watches are tried again on the next subscription.
            logger.LogWarning(error, "console change feed could not start its watches");
        }
        return new Subscription(this, onChanged);
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        await _starting.WaitAsync(cancellationToken);
        try
        {
            if (_caches is not null)
            {
                return;
            }
            _api ??= connection.CreateApi();
            var caches = new List<WatchCache>();
            foreach (var type in new[] { Namespaces, Pods })
            {
                var cache = new WatchCache(_api, type, time: time);
                try
                {
                    await cache.StartAsync(cancellationToken);
                }
                catch
                {
                    await cache.DisposeAsync();
                    foreach (var started in caches)
                    {
                        await started.DisposeAsync();
                    }
                    throw;
                }
                cache.Changed += _ => Schedule();
                caches.Add(cache);
            }
            _caches = caches;
        }
        finally
        {
            _starting.Release();
        }
    }

    private void Schedule()
    {
        lock (_gate)
        {
            _pending ??= time.CreateTimer(_ => _ = NotifyAsync(), null, Coalescing, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task NotifyAsync()
    {
        Func<Task>[] subscribers;
        lock (_gate)
        {
            _pending?.Dispose();
            _pending = null;
            subscribers = [.. _subscribers];
        }
        foreach (var subscriber in subscribers)
        {
            try
            {
                await subscriber();
            }
            catch (Exception error)
            {
                logger.LogWarning(error, "a console page failed to refresh after a cluster change");
            }
        }
    }

    private void Unsubscribe(Func<Task> onChanged)
    {
        lock (_gate)
        {
            _subscribers.Remove(onChanged);
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _pending?.Dispose();
            _pending = null;
        }
        foreach (var cache in _caches ?? [])
        {
            await cache.DisposeAsync();
        }
        _api?.Dispose();
        _starting.Dispose();
    }

    private sealed class Subscription(ClusterChangeFeed feed, Func<Task> onChanged) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(onChanged);
    }
}
