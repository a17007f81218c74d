using Kubemate.Sandbox.Storage;
using Microsoft.Extensions.Logging;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>
/// The shape every simulated controller shares: watch some resources of the store, turn each event into the keys
/// of the objects to reconcile, and reconcile them one at a time. A failed reconcile is logged and retried with
/// backoff; the loop itself never stops until the component is disposed.
/// </summary>
public abstract class ReconcileLoop : ISandboxComponent
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    private readonly WorkQueue _queue = new();
    private readonly Dictionary<ObjectKey, int> _failures = [];
    private readonly List<StoreWatch> _watches = [];
    private readonly List<Task> _loops = [];
    private readonly CancellationTokenSource _stopping = new();
    private SandboxContext? _context;
    private ILogger? _logger;

    protected SandboxContext Context => _context ?? throw new InvalidOperationException($"{GetType().Name} has not been started");

    protected ILogger Logger => _logger ?? throw new InvalidOperationException($"{GetType().Name} has not been started");

    protected TimeProvider Clock => Context.Clock;

    protected ObjectStore Store => Context.Store;

    /// <summary>The resources (<c>group/plural</c>) whose events this controller reacts to.</summary>
    protected abstract IReadOnlyList<string> WatchedResources { get; }

    /// <summary>The objects to reconcile because of one event.</summary>
    protected abstract IEnumerable<ObjectKey> KeysFor(StoreEvent storeEvent);

    /// <summary>Brings the cluster one step closer to what <paramref name="key"/> asks for. Must be idempotent.</summary>
    protected abstract void Reconcile(ObjectKey key);

    public Task StartAsync(SandboxContext context, SandboxServer server, CancellationToken cancellationToken)
    {
        _context = context;
        _logger = context.Loggers.CreateLogger(GetType());
        OnStarting();
        foreach (var resource in WatchedResources)
        {
            var watch = context.Store.Watch(resource, null, null);
            _watches.Add(watch);
            _loops.Add(Task.Run(() => Route(watch)));
        }
        _loops.Add(Task.Run(Work));
        return Task.CompletedTask;
    }

    /// <summary>Runs once before the watches start, e.g. to rebuild in-memory state from the store.</summary>
    protected virtual void OnStarting()
    {
    }

    /// <summary>Reconciles <paramref name="key"/> again once <paramref name="delay"/> has passed on the sandbox clock.</summary>
    protected void EnqueueAfter(ObjectKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            _queue.Enqueue(key);
            return;
        }
        _ = DelayThenEnqueue(key, delay);
    }

    protected void Enqueue(ObjectKey key) => _queue.Enqueue(key);

    private async Task DelayThenEnqueue(ObjectKey key, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, Clock, _stopping.Token);
            _queue.Enqueue(key);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task Route(StoreWatch watch)
    {
        await foreach (var storeEvent in watch.Events.ReadAllAsync())
        {
            try
            {
                foreach (var key in KeysFor(storeEvent))
                {
                    _queue.Enqueue(key);
                }
            }
            catch (Exception ex)
            {
                Logger.LogError(ex, "{Controller} could not route the event of {Key}", GetType().Name, storeEvent.Object.Key);
            }
        }
    }

    private async Task Work()
    {
        while (!_stopping.IsCancellationRequested)
        {
            ObjectKey? next;
            try
            {
                next = await _queue.NextAsync(_stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (next is not { } key)
            {
                return;
            }
            try
            {
                Reconcile(key);
                _failures.Remove(key);
            }
            catch (Exception ex)
            {
                var failures = _failures[key] = _failures.GetValueOrDefault(key) + 1;
                var delay = TimeSpan.FromTicks(Math.Min(LastRetry.Ticks, FirstRetry.Ticks << Math.Min(failures - 1, 16)));
                Logger.LogWarning(ex, "{Controller} failed to reconcile {Key} (attempt {Attempt}); retrying in {Delay}", GetType().Name, key, failures, delay);
                EnqueueAfter(key, delay);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        foreach (var watch in _watches)
        {
            watch.Dispose();
        }
        _queue.Complete();
        try
        {
            await Task.WhenAll(_loops).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            _logger?.LogWarning("{Controller} did not stop within 5 s", GetType().Name);
        }
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }
}
