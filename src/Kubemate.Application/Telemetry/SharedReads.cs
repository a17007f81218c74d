using System.Collections.Concurrent;

namespace Kubemate.Application.Telemetry;

/// <summary>
/// Telemetry reads shared by every reader (console pages, REST clients, the CLI's server mode): one answer per
/// question for <see cref="Freshness"/>, however many ask. Without it, each console session's refresh and each REST
/// request recomputes the whole topology (hundreds of milliseconds at 2,000 workloads) and keeps its own copy of it.
/// </summary>
public sealed class SharedReads(TimeProvider time)
{
    /// <summary>Half the scrape interval: nobody sees data older than one scrape because of sharing.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Lazy<Read>> _reads = new(StringComparer.Ordinal);

    /// <summary>How many answers are held (for tests: stale ones are swept, so per-workload reads do not pile up).</summary>
    internal int Held => _reads.Count;

    /// <summary>The answer to <paramref name="key"/>: a fresh one held, else <paramref name="read"/>'s, started once for every caller.</summary>
    public async Task<T> ShareAsync<T>(string key, Func<Task<T>> read, CancellationToken cancellationToken)
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
        // The read runs for everyone, so one reader leaving must not cancel it: only this caller stops waiting.
        return await ((Task<T>)entry.Value.Task).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops answers nobody could still take (older than the freshness and finished); runs when a new key comes.</summary>
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
