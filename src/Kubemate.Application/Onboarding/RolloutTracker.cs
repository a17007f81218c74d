using System.Text.Json.Nodes;
using Kubemate.Cluster.Caching;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;
using Kubemate.Model.Kube;

namespace Kubemate.Application.Onboarding;

/// <summary>
/// Follows the rollouts of one namespace with one watch per kind (pods and each workload kind), not one poll per
/// workload: each pod event is routed to its workload by owner, and only that workload's waiter wakes up.
/// </summary>
internal sealed class RolloutTracker : IAsyncDisposable
{
    private readonly object _lock = new();
    private readonly Dictionary<WorkloadKey, Dictionary<string, JsonObject>> _pods = [];
    private readonly Dictionary<WorkloadKey, JsonObject> _workloads = [];
    private readonly Dictionary<WorkloadKey, TaskCompletionSource> _signals = [];
    private readonly List<WatchCache> _caches = [];

    private RolloutTracker()
    {
    }

    public static async Task<RolloutTracker> StartAsync(ClusterApi api, string ns, IEnumerable<string> workloadKinds, CancellationToken cancellationToken)
    {
        var tracker = new RolloutTracker();
        try
        {
            var discovery = new ApiDiscovery(api);
            var podType = await discovery.ResolveAsync("v1", "Pod", cancellationToken).ConfigureAwait(false);
            await tracker.WatchAsync(api, podType, ns, tracker.OnPod, cancellationToken).ConfigureAwait(false);
            foreach (var kind in workloadKinds.Distinct())
            {
                var type = await discovery.ResolveAsync("apps/v1", kind, cancellationToken).ConfigureAwait(false);
                await tracker.WatchAsync(api, type, ns, tracker.OnWorkload, cancellationToken).ConfigureAwait(false);
            }
            return tracker;
        }
        catch
        {
            await tracker.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A task that completes at the next change of this workload or its pods; take it before reading the state.</summary>
    public Task NextChange(WorkloadKey key)
    {
        lock (_lock)
        {
            if (!_signals.TryGetValue(key, out var signal))
            {
                _signals[key] = signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            return signal.Task;
        }
    }

    /// <summary>The workload as last seen and all its pods, terminating ones included.</summary>
    public (JsonObject? Workload, IReadOnlyList<JsonObject> Pods) State(WorkloadKey key)
    {
        lock (_lock)
        {
            return (_workloads.GetValueOrDefault(key), _pods.TryGetValue(key, out var pods) ? pods.Values.ToList() : []);
        }
    }

    private async Task WatchAsync(ClusterApi api, ResourceType type, string ns, Action<WatchCacheChange> handler, CancellationToken cancellationToken)
    {
        var cache = new WatchCache(api, type, ns, new WatchCacheOptions { InitialBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromSeconds(2) });
        _caches.Add(cache);
        // Subscribed before the first list, which raises Added for every object: nothing is missed.
        cache.Changed += handler;
        await cache.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    private void OnPod(WatchCacheChange change)
    {
        if (PodOwnership.WorkloadOf(change.Object) is not { } key)
        {
            return;
        }
        lock (_lock)
        {
            if (!_pods.TryGetValue(key, out var pods))
            {
                _pods[key] = pods = [];
            }
            if (change.Type == WatchCacheChangeType.Deleted)
            {
                pods.Remove(KubeJson.Name(change.Object));
            }
            else
            {
                pods[KubeJson.Name(change.Object)] = change.Object;
            }
            Pulse(key);
        }
    }

    private void OnWorkload(WatchCacheChange change)
    {
        var key = new WorkloadKey(KubeJson.Kind(change.Object), KubeJson.Name(change.Object));
        lock (_lock)
        {
            if (change.Type == WatchCacheChangeType.Deleted)
            {
                _workloads.Remove(key);
            }
            else
            {
                _workloads[key] = change.Object;
            }
            Pulse(key);
        }
    }

    private void Pulse(WorkloadKey key)
    {
        if (_signals.Remove(key, out var signal))
        {
            signal.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var cache in _caches)
        {
            await cache.DisposeAsync().ConfigureAwait(false);
        }
    }
}
