namespace Kubemate.Application.Caching;

/// <summary>
/// Mesh status reads per user, shared and kept briefly: concurrent reads of one key wait for a single cluster
/// read; a value older than <see cref="Fresh"/> is still answered while one background read refreshes it; a value
/// older than <see cref="Stale"/> is not answered. Kubemate's own writes (mesh runs, applies) invalidate
/// everything, so users read what they just did. Failures (403, 404) are not kept.
/// </summary>
public sealed class StatusCache(TimeProvider time)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan Stale = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(60);
    private const int MaxEntries = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    public async Task<T> GetAsync<T>(string key, Func<CancellationToken, Task<T>> load) where T : class
    {
        Task<object> pending;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_entries.TryGetValue(key, out var entry))
            {
                if (_entries.Count >= MaxEntries)
                {
                    _entries.Clear();
                }
                entry = new Entry();
                _entries[key] = entry;
            }
            if (entry.Value is { } value && now - entry.Loaded <= Stale)
            {
                if (now - entry.Loaded > Fresh)
                {
                    entry.Pending ??= Start(key, entry, load);
                }
                return (T)value;
            }
            pending = entry.Pending ??= Start(key, entry, load);
        }
        return (T)await pending;
    }

    /// <summary>Forget every value: the cluster was changed through Kubemate.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _generation++;
            _entries.Clear();
        }
    }

    /// <summary>Called under the lock; the load itself runs after the lock is released (Task.Yield).</summary>
    private Task<object> Start<T>(string key, Entry entry, Func<CancellationToken, Task<T>> load) where T : class =>
        LoadAndKeepAsync(key, entry, _generation, load);

    private async Task<object> LoadAndKeepAsync<T>(string key, Entry entry, long generation, Func<CancellationToken, Task<T>> load) where T : class
    {
        await Task.Yield();
        try
        {
            using var timeout = new CancellationTokenSource(LoadTimeout);
            var value = await load(timeout.Token);
            lock (_gate)
            {
                entry.Pending = null;
                if (generation == _generation)
                {
                    entry.Value = value;
                    entry.Loaded = time.GetUtcNow();
                }
            }
            return value;
        }
        catch
        {
            lock (_gate)
            {
                entry.Pending = null;
                if (entry.Value is null && _entries.TryGetValue(key, out var current) && current == entry)
                {
                    _entries.Remove(key);
                }
            }
            throw;
        }
    }

    private sealed class Entry
    {
        public object? Value { get; set; }

        public DateTimeOffset Loaded { get; set; }

        public Task<object>? Pending { get; set; }
    }
}
