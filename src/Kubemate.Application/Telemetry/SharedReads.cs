using System.Globalization;
using Kubemate.Telemetry;

namespace Kubemate.Application.Telemetry;

/// <summary>
/// Telemetry reads shared by every reader (console pages, REST clients, the CLI's server mode), one answer per
/// question, refreshed in the background so that no reader waits for a read once an answer exists:
/// <list type="bullet">
/// <item>an answer younger than <see cref="Freshness"/> is served as it is;</item>
/// <item>an older one, up to <see cref="Staleness"/>, is served at once while exactly one read refreshes it;</item>
/// <item>a refresh that fails (unavailable, or an exception) leaves the previous answer in place, served with a warning
/// saying so, and is tried again after <see cref="Freshness"/>; an answer older than <see cref="Staleness"/> is never
/// served: readers then wait for a read and get its failure;</item>
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

    /// <summary>The oldest answer ever served (three scrapes): beyond it a failing backend shows as failing.</summary>
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
                var refreshFailedLately = entry.FailedAt is { } failed && now - failed <= Freshness;
                if (now - entry.AnsweredAt > Freshness && !refreshFailedLately)
                {
                    entry.Pending ??= Start(entry, read, now);
                }
                return (TelemetryResult<T>)(entry.Served ?? answer);
            }
            if (entry.Failure is { } failure && now - entry.FailedAt <= Freshness)
            {
                return (TelemetryResult<T>)failure;
            }
            pending = entry.Pending ??= Start(entry, read, now);
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
                }
                else
                {
                    Failed(entry, result.Unavailable!.Message, result);
                }
            }
            return result;
        }
        catch (Exception failure)
        {
            lock (_gate)
            {
                entry.Pending = null;
                Failed(entry, failure.Message, null);
            }
            throw;
        }

        void Failed(Entry failed, string reason, TelemetryResult<T>? unavailable)
        {
            failed.Failure = unavailable;
            failed.FailedAt = time.GetUtcNow();
            if (failed.Answer is TelemetryResult<T> previous)
            {
                failed.Served = TelemetryResult<T>.WithWarnings(previous.Value!,
                    [.. previous.Warnings, string.Create(CultureInfo.InvariantCulture, $"Showing the answer read at {failed.AnsweredAt:HH:mm:ss} UTC: the latest read failed: {reason}")]);
            }
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
