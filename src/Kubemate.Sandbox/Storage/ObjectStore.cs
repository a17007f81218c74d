using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Kubemate.ApiMachinery.Json;
using Kubemate.Sandbox.Persistence;
using Bucket = System.Collections.Immutable.ImmutableSortedDictionary<(string Namespace, string Name), Kubemate.Sandbox.Storage.StoredObject>;

namespace Kubemate.Sandbox.Storage;

/// <summary>
/// The sandbox's etcd: every object by resource, namespace and name, one monotonic revision for all writes,
/// a bounded history for watches, and an optional journal that makes every acknowledged write durable.
/// Writes are serialised by one lock; reads take an immutable snapshot and never block. With a journal, a write
/// becomes visible (to reads, watches and <see cref="Committed"/>) only once its journal line is durable, and the
/// sync runs outside the lock so that concurrent writes share it.
/// </summary>
public sealed class ObjectStore : IDisposable
{
    /// <summary>The server writes managedFields; they mirror the object's fields a few levels down and are not measured.</summary>
    private static readonly string[] ManagedFields = ["metadata.managedFields"];
    private static readonly Bucket EmptyBucket = ImmutableSortedDictionary.Create<(string Namespace, string Name), StoredObject>(OrdinalKeyComparer.Instance);

    private readonly object _writeLock = new();
    private readonly Queue<StoreEvent> _history = new();
    private readonly int _historyLimit;
    private readonly List<Watcher> _watchers = [];
    private readonly IStoreJournal? _journal;
    private volatile State _state;

    // With a journal: the newest state (writers build on it) and the writes between _state and it, whose lines
    // are written but not yet durable, in revision order.
    private State _head;
    private readonly Queue<Undurable> _undurable = new();
    private Exception? _journalFailure;

    public ObjectStore(int historyLimit = 200_000, IStoreJournal? journal = null)
    {
        _historyLimit = historyLimit;
        _journal = journal;
        _state = new State(ImmutableDictionary<string, Bucket>.Empty, 0);
        if (journal is not null)
        {
            var restored = journal.Load();
            var data = ImmutableDictionary<string, Bucket>.Empty;
            foreach (var stored in restored.Objects)
            {
                data = data.SetItem(stored.Key.Resource, data.GetValueOrDefault(stored.Key.Resource, EmptyBucket).SetItem((stored.Key.Namespace, stored.Key.Name), stored));
            }
            _state = new State(data, restored.Revision);
        }
        _head = _state;
    }

    /// <summary>
    /// Raised synchronously, under the write lock, after each commit: for bookkeeping that must be in place before
    /// the write is acknowledged (e.g. serving a CRD's resources). Handlers must be quick and must not write.
    /// </summary>
    public event Action<StoreEvent>? Committed;

    public long Revision => _state.Revision;

    /// <summary>Oldest revision a watch may resume from.</summary>
    public long OldestWatchableRevision
    {
        get
        {
            lock (_writeLock)
            {
                return _history.Count == 0 ? _state.Revision : _history.Peek().Revision - 1;
            }
        }
    }

    public StoredObject? Get(ObjectKey key) =>
        _state.Data.TryGetValue(key.Resource, out var bucket) && bucket.TryGetValue((key.Namespace, key.Name), out var stored) ? stored : null;

    /// <summary>A consistent list of one resource (optionally one namespace), ordered by namespace then name.</summary>
    public StoreList List(string resource, string? ns = null)
    {
        var state = _state;
        if (!state.Data.TryGetValue(resource, out var bucket))
        {
            return new StoreList([], state.Revision);
        }
        IEnumerable<StoredObject> items = ns is null
            ? bucket.Values
            : bucket.SkipWhile(p => string.CompareOrdinal(p.Key.Namespace, ns) < 0).TakeWhile(p => p.Key.Namespace == ns).Select(p => p.Value);
        return new StoreList(items.ToList(), state.Revision);
    }

    /// <summary>Revision of the last write to <paramref name="resource"/> (0 when never written): a cheap cache key.</summary>
    public long LastWrite(string resource) => _state.LastWrites.GetValueOrDefault(resource);

    /// <summary>The resources that currently hold at least one object.</summary>
    public IReadOnlyList<string> ResourcesWithObjects() => _state.Data.Keys.ToList();

    public int Count(string resource) => _state.Data.TryGetValue(resource, out var bucket) ? bucket.Count : 0;

    /// <summary>Stores a new object, stamped with the revision it gets.</summary>
    public StoredObject Create(ObjectKey key, JsonObject obj) =>
        Write(key, current =>
        {
            if (current is not null)
            {
                throw new AlreadyExistsException(key);
            }
            return obj;
        }).Object;

    /// <summary>
    /// Replaces an object. With <paramref name="expectedRevision"/> the write fails with a conflict when the
    /// stored object has moved on.
    /// </summary>
    public StoredObject Update(ObjectKey key, JsonObject obj, long? expectedRevision) =>
        Write(key, current =>
        {
            if (current is null)
            {
                throw new NotFoundException(key);
            }
            if (expectedRevision is { } expected && expected != current.ResourceVersion)
            {
                throw new ConflictException(key, expected, current.ResourceVersion);
            }
            return obj;
        }).Object;

    /// <summary>Reads, changes and writes one object atomically; the callback sees the current state and returns the new one (or null to delete).</summary>
    public StoreEvent Write(ObjectKey key, Func<StoredObject?, JsonObject?> change)
    {
        StoreEvent storeEvent;
        long journalLength;
        lock (_writeLock)
        {
            if (_journalFailure is { } failure)
            {
                // Lines after the failed sync may still reach the disk; a later write must not make them durable.
                throw new IOException($"the store's journal failed and takes no more writes: {failure.Message}", failure);
            }
            var state = _head;
            var bucket = state.Data.GetValueOrDefault(key.Resource, EmptyBucket);
            bucket.TryGetValue((key.Namespace, key.Name), out var current);
            var next = change(current);
            if (next is null && current is null)
            {
                throw new NotFoundException(key);
            }
            if (next is not null && JsonLimits.PathBeyond(next, JsonLimits.MaxDepth, ManagedFields) is { } tooDeep)
            {
                throw new ObjectTooDeepException(key, tooDeep, JsonLimits.MaxDepth);
            }
            var revision = state.Revision + 1;
            if (next is null)
            {
                var last = current!.Clone();
                Stamp(last, revision);
                var tombstone = new StoredObject(key, last, revision);
                bucket = bucket.Remove((key.Namespace, key.Name));
                storeEvent = new StoreEvent(StoreEventType.Deleted, tombstone, current);
            }
            else
            {
                Stamp(next, revision);
                var stored = new StoredObject(key, next, revision);
                bucket = bucket.SetItem((key.Namespace, key.Name), stored);
                storeEvent = new StoreEvent(current is null ? StoreEventType.Added : StoreEventType.Modified, stored, current);
            }
            var nextState = new State(bucket.IsEmpty ? state.Data.Remove(key.Resource) : state.Data.SetItem(key.Resource, bucket), revision)
            {
                LastWrites = state.LastWrites.SetItem(key.Resource, revision),
            };
            if (_journal is null)
            {
                _head = nextState;
                Reveal(storeEvent, nextState);
                return storeEvent;
            }
            journalLength = _journal.Write(storeEvent);
            _head = nextState;
            _undurable.Enqueue(new Undurable(storeEvent, nextState, journalLength));
        }
        WaitUntilDurable(journalLength);
        return storeEvent;
    }

    private void WaitUntilDurable(long journalLength)
    {
        var journal = _journal!;
        try
        {
            journal.MakeDurable(journalLength);
        }
        catch (Exception failure)
        {
            lock (_writeLock)
            {
                _journalFailure ??= failure;
                // Writes synced before the failure are shown (their writers are acknowledged); nothing after the
                // last good sync was: forget it, so no later write builds on it.
                RevealUpTo(journal.DurableLength);
                _undurable.Clear();
                _head = _state;
            }
            throw;
        }
        lock (_writeLock)
        {
            RevealUpTo(journalLength);
        }
    }

    private void RevealUpTo(long journalLength)
    {
        while (_undurable.TryPeek(out var pending) && pending.JournalLength <= journalLength)
        {
            _undurable.Dequeue();
            Reveal(pending.Event, pending.State);
        }
    }

    // Under the write lock: the state becomes what reads see, then watchers and Committed handlers hear of it.
    private void Reveal(StoreEvent storeEvent, State state)
    {
        _state = state;
        Publish(storeEvent);
        Committed?.Invoke(storeEvent);
    }

    public StoreEvent Delete(ObjectKey key, long? expectedRevision = null) =>
        Write(key, current =>
        {
            if (current is null)
            {
                throw new NotFoundException(key);
            }
            if (expectedRevision is { } expected && expected != current.ResourceVersion)
            {
                throw new ConflictException(key, expected, current.ResourceVersion);
            }
            return null;
        });

    /// <summary>
    /// Starts a watch of one resource (all resources when null), optionally one namespace. With a start revision
    /// the watch replays every later event from history (or fails with <see cref="ExpiredException"/>); without one
    /// it begins with a synthetic ADDED event for every current object.
    /// </summary>
    public StoreWatch Watch(string? resource, string? ns, long? fromRevision)
    {
        lock (_writeLock)
        {
            var watcher = new Watcher(resource, ns);
            if (fromRevision is { } from && from < _state.Revision)
            {
                var oldest = _history.Count == 0 ? _state.Revision : _history.Peek().Revision - 1;
                if (from < oldest)
                {
                    throw new ExpiredException(from, oldest);
                }
                foreach (var past in _history)
                {
                    if (past.Revision > from && watcher.Accepts(past))
                    {
                        watcher.Channel.Writer.TryWrite(past);
                    }
                }
            }
            else if (fromRevision is null)
            {
                foreach (var (name, bucket) in _state.Data)
                {
                    if (resource is not null && name != resource)
                    {
                        continue;
                    }
                    foreach (var stored in bucket.Values)
                    {
                        var synthetic = new StoreEvent(StoreEventType.Added, stored, null);
                        if (watcher.Accepts(synthetic))
                        {
                            watcher.Channel.Writer.TryWrite(synthetic);
                        }
                    }
                }
            }
            _watchers.Add(watcher);
            return new StoreWatch(watcher.Channel.Reader, _state.Revision, () => Unsubscribe(watcher));
        }
    }

    private void Unsubscribe(Watcher watcher)
    {
        lock (_writeLock)
        {
            _watchers.Remove(watcher);
        }
        watcher.Channel.Writer.TryComplete();
    }

    private void Publish(StoreEvent storeEvent)
    {
        _history.Enqueue(storeEvent);
        while (_history.Count > _historyLimit)
        {
            _history.Dequeue();
        }
        foreach (var watcher in _watchers)
        {
            if (watcher.Accepts(storeEvent))
            {
                watcher.Channel.Writer.TryWrite(storeEvent);
            }
        }
    }

    private static void Stamp(JsonObject obj, long revision)
    {
        if (obj["metadata"] is not JsonObject metadata)
        {
            metadata = new JsonObject();
            obj["metadata"] = metadata;
        }
        metadata["resourceVersion"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        lock (_writeLock)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Channel.Writer.TryComplete();
            }
            _watchers.Clear();
        }
        _journal?.Dispose();
    }

    private sealed record Undurable(StoreEvent Event, State State, long JournalLength);

    private sealed record State(ImmutableDictionary<string, Bucket> Data, long Revision)
    {
        public ImmutableDictionary<string, long> LastWrites { get; init; } = ImmutableDictionary<string, long>.Empty;
    }

    private sealed class Watcher(string? resource, string? ns)
    {
        public Channel<StoreEvent> Channel { get; } = System.Threading.Channels.Channel.CreateUnbounded<StoreEvent>(new UnboundedChannelOptions { SingleReader = true });

        public bool Accepts(StoreEvent storeEvent) =>
            (resource is null || storeEvent.Object.Key.Resource == resource) && (ns is null || storeEvent.Object.Key.Namespace == ns);
    }
}

/// <summary>A list result and the revision it is consistent with.</summary>
public sealed record StoreList(IReadOnlyList<StoredObject> Items, long Revision);

/// <summary>An open watch: read its events; dispose it to stop.</summary>
public sealed class StoreWatch(ChannelReader<StoreEvent> events, long startRevision, Action stop) : IDisposable
{
    public ChannelReader<StoreEvent> Events { get; } = events;

    /// <summary>The store's revision when the watch started (for bookmarks).</summary>
    public long StartRevision { get; } = startRevision;

    public void Dispose() => stop();
}

internal sealed class OrdinalKeyComparer : IComparer<(string Namespace, string Name)>
{
    public static readonly OrdinalKeyComparer Instance = new();

    public int Compare((string Namespace, string Name) x, (string Namespace, string Name) y)
    {
        var byNamespace = string.CompareOrdinal(x.Namespace, y.Namespace);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(x.Name, y.Name);
    }
}
