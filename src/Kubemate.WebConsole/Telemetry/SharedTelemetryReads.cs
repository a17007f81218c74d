using System.Collections.Concurrent;
using Kubemate.Telemetry;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Topology;

namespace Kubemate.WebConsole.Telemetry;

/// <summary>
/// Cluster-wide telemetry reads shared by every open console page: one answer per question and window for a few
/// seconds, however many sessions refresh. Without it, each session's 10-second refresh recomputes the whole
/// topology (hundreds of milliseconds at 2,000 workloads) and keeps its own copy of it. Answers are Kubemate's view;
/// each page still restricts them to what its user may read (<see cref="TelemetryScope"/>).
/// </summary>
public sealed class SharedTelemetryReads(TelemetryService telemetry, TimeProvider time)
{
    /// <summary>Half the scrape interval: a page never shows data older than one scrape because of sharing.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Lazy<Read>> _reads = new(StringComparer.Ordinal);

    public Task<TelemetryResult<TopologyGraph>> TopologyAsync(TelemetryWindow window, CancellationToken cancellationToken) =>
        ShareAsync($"topology/{window.Name}", () => telemetry.TopologyAsync(null, window, CancellationToken.None), cancellationToken);

    public Task<TelemetryResult<IReadOnlyList<WorkloadStat>>> WorkloadsAsync(TelemetryWindow window, CancellationToken cancellationToken) =>
        ShareAsync($"workloads/{window.Name}", () => telemetry.WorkloadsAsync(null, window, CancellationToken.None), cancellationToken);

    /// <summary>One workload's dashboard: several people watching the same service during an incident cost one read.</summary>
    public Task<TelemetryResult<WorkloadDetail>> WorkloadAsync(WorkloadRef workload, TelemetryWindow window, bool series, CancellationToken cancellationToken) =>
        ShareAsync($"workload/{workload.Namespace}/{workload.Kind}/{workload.Name}/{window.Name}/{(series ? "series" : "now")}",
            () => telemetry.WorkloadAsync(workload, window, series, CancellationToken.None), cancellationToken);

    /// <summary>How many answers are held (for tests: stale ones are swept, so per-workload reads do not pile up).</summary>
    internal int Held => _reads.Count;

    private async Task<T> ShareAsync<T>(string key, Func<Task<T>> read, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Lazy<Read> Start(string _) => new(() => new Read(now, read()));
        if (!_reads.ContainsKey(key))
        {
            Sweep(now);
        }
        var entry = _reads.GetOrAdd(key, Start);
        var shared = entry.Value;
        if (now - shared.At > Freshness || shared.Task.IsFaulted || shared.Task.IsCanceled)
        {
            // Stale or failed: the first caller to notice starts a new read; callers racing with it take that one.
            var fresh = Start(key);
            entry = _reads.TryUpdate(key, fresh, entry) ? fresh : _reads.GetOrAdd(key, Start);
        }
        // The read runs for everyone, so one page leaving must not cancel it: only this caller stops waiting.
        return await ((Task<T>)entry.Value.Task).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops answers no page could still take (older than the freshness and finished); runs when a new key comes.</summary>
    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, entry) in _reads)
        {
            if (entry.IsValueCreated && entry.Value.Task.IsCompleted && now - entry.Value.At > Freshness)
            {
                _reads.TryRemove(new KeyValuePair<string, Lazy<Read>>(key, entry));
            }
        }
    }

    private sealed record Read(DateTimeOffset At, Task Task);
}
