using System.Globalization;
using Kubemate.Telemetry;

namespace Kubemate.Application.Telemetry;

/// <summary>
/// Telemetry reads shared by every reader (console pages, REST clients, the CLI's server mode), one answer per
/// question, refreshed in the background so that readers asking often never wait for a read:
/// <list type="bullet">
/// <item>an answer younger than <see cref="Freshness"/> is served as it is;</item>
/// <item>one up to <see cref="ServedWhileRefreshing"/> old is served at once while exactly one read refreshes it;</item>
/// <item>an older one (nobody asked for a while: a lone page refreshing once per scrape) starts that read and its
/// readers wait for it, so such a page does not see the answer its previous refresh saw;</item>
/// <item>a refresh that fails (unavailable, or an exception) leaves the previous answer in place, served with a warning
/// saying so (to the readers waiting for that refresh too), and is tried again after <see cref="Freshness"/>; an
/// answer older than <see cref="Staleness"/> is never served: readers then wait for a read and get its failure;</item>
/// <item>with no answer to serve, readers wait for one shared read; an unavailable answer is kept for
/// <see cref="Freshness"/> (a backend that is down is asked once per question and freshness, not once per
/// request), an exception is not kept.</item>
/// </list>
/// Answers are held as the backend gave them, for the question (window and namespaces), never for a user:
/// <see cref="TelemetryReads"/> narrows every answer to its reader's scope on each read, so nothing one user may
/// see is kept in a form another user is handed. At most <see cref="MaxQuestions"/> questions are held: answers past
/// <see cref="Staleness"/> are swept when a new question comes, and beyond the bound the least recently asked goes.
/// </summary>
public sealed class SharedReads(TimeProvider time)
{
    /// <summary>Half the scrape interval: sharing alone never shows data older than one scrape.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    /// <summary>One scrape interval: asked more often than that, a question is always answered without waiting.</summary>
    public static readonly TimeSpan ServedWhileRefreshing = TimeSpan.FromSeconds(10);

    /// <summary>The oldest answer served while refreshes fail (three scrapes): beyond it a failing backend shows as failing.</summary>
    public static readonly TimeSpan Staleness = TimeSpan.FromSeconds(30);

    /// <summary>Questions held at once: the four windows of the cluster-wide reads and the dashboards being watched.</summary>
    public const int MaxQuestions = 256;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>How many questions are held (for tests: the bound and the sweep).</summary>
    internal int Held
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// The answer to <paramref name="key"/> (<see cref="SharedReads"/> says which); <paramref name="read"/> runs for
    /// every reader at once, so <paramref name="cancellationToken"/> only stops this caller waiting, never the read.
    /// </summary>
    public async Task<TelemetryResult<T>> ShareAsync<T>(string key, Func<Task<TelemetryResult<T>>> read, CancellationToken cancellationToken)
    {
        Task<object> pending;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var entry = EntryFor(key, now);
            entry.Asked = now;
            if (entry.Answer is { } answer && now - entry.AnsweredAt <= Staleness)
            {
                var served = (TelemetryResult<T>)(entry.Served ?? answer);
                var age = now - entry.AnsweredAt;
                if (age <= Freshness || (entry.FailedAt is { } failed && now - failed <= Freshness))
                {
                    return served;
                }
                pending = entry.Pending ??= Start(entry, read, now);
                if (age <= ServedWhileRefreshing)
                {
                    return served;
                }
            }
            else if (entry.Failure is { } failure && now - entry.FailedAt <= Freshness)
            {
                return (TelemetryResult<T>)failure;
            }
            else
            {
                pending = entry.Pending ??= Start(entry, read, now);
            }
        }
        return (TelemetryResult<T>)await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>For tests: completes when the read now running for <paramref name="key"/> (if any) has been taken in.</summary>
    internal Task SettledAsync(string key)
    {
        lock (_gate)
        {
            var pending = _entries.TryGetValue(key, out var entry) ? entry.Pending : null;
            return pending is null ? Task.CompletedTask : pending.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Called under the lock: the entry of <paramref name="key"/>, made room for when it is new.</summary>
    private Entry EntryFor(string key, DateTimeOffset now)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            return entry;
        }
        Sweep(now);
        if (_entries.Count >= MaxQuestions)
        {
            _entries.Remove(_entries.MinBy(e => e.Value.Asked).Key);
        }
        entry = new Entry();
        _entries[key] = entry;
        return entry;
    }

    /// <summary>Called under the lock: drops entries with nothing left to serve and no read running.</summary>
    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            var newest = entry.Answer is null ? entry.FailedAt : entry.AnsweredAt;
            if (entry.Pending is null && (newest is null || now - newest > Staleness))
            {
                _entries.Remove(key);
            }
        }
    }

    /// <summary>Called under the lock; the read runs on the thread pool, away from the lock and from the caller's context.</summary>
    private Task<object> Start<T>(Entry entry, Func<Task<TelemetryResult<T>>> read, DateTimeOffset started)
    {
        var reading = Task.Run(() => ReadAndKeepAsync(entry, read, started));
        // A background refresh may have no reader waiting for it: its failure is kept in the entry, not left unobserved.
        _ = reading.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return reading;
    }

    private async Task<object> ReadAndKeepAsync<T>(Entry entry, Func<Task<TelemetryResult<T>>> read, DateTimeOffset started)
    {
        try
        {
            var result = await read().ConfigureAwait(false);
            lock (_gate)
            {
                entry.Pending = null;
                if (result.HasValue)
                {
                    // Stamped with when the read started: the data is no newer than that.
                    (entry.Answer, entry.AnsweredAt, entry.Served, entry.Failure, entry.FailedAt) = (result, started, null, null, null);
                    return result;
                }
                return Failed(entry, result.Unavailable!.Message, result) ?? result;
            }
        }
        catch (Exception failure)
        {
            lock (_gate)
            {
                entry.Pending = null;
                if (Failed(entry, failure.Message, null) is { } previous)
                {
                    return previous;
                }
            }
            throw;
        }

        // Called under the lock: keeps the failure; the previous answer with a warning when it may still be served.
        TelemetryResult<T>? Failed(Entry failed, string reason, TelemetryResult<T>? unavailable)
        {
            var now = time.GetUtcNow();
            failed.Failure = unavailable;
            failed.FailedAt = now;
            if (failed.Answer is not TelemetryResult<T> previous)
            {
                return null;
            }
            var served = TelemetryResult<T>.WithWarnings(previous.Value!,
                [.. previous.Warnings, string.Create(CultureInfo.InvariantCulture, $"Showing the answer read at {failed.AnsweredAt:HH:mm:ss} UTC: the latest read failed: {reason}")]);
            failed.Served = served;
            return now - failed.AnsweredAt <= Staleness ? served : null;
        }
    }

    private sealed class Entry
    {
        /// <summary>The latest answer with a value (ok or partial), boxed <c>TelemetryResult&lt;T&gt;</c>.</summary>
        public object? Answer { get; set; }

        public DateTimeOffset AnsweredAt { get; set; }

        /// <summary>The answer with a warning that the refresh after it failed; null while the latest read succeeded.</summary>
        public object? Served { get; set; }

        /// <summary>The latest read's unavailable answer, when it failed that way.</summary>
        public object? Failure { get; set; }

        /// <summary>When the latest read failed (unavailable or an exception); null when it succeeded.</summary>
        public DateTimeOffset? FailedAt { get; set; }

        public Task<object>? Pending { get; set; }

        public DateTimeOffset Asked { get; set; }
    }
}
