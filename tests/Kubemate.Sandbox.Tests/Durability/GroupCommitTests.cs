using System.Text.Json.Nodes;
using Kubemate.Sandbox.Persistence;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Tests.Durability;

/// <summary>
/// With a journal, the store syncs outside its write lock so that concurrent writes share one fsync; a write is
/// still acknowledged, read and watched only once its line is durable, and a failed sync shows nothing after it.
/// </summary>
public sealed class GroupCommitTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "kubemate-tests", Guid.NewGuid().ToString("n"));

    [Fact]
    public async Task A_write_is_neither_read_nor_watched_nor_acknowledged_before_its_line_is_durable()
    {
        using var journal = new HeldSyncJournal(new FileJournal(_directory));
        using var store = new ObjectStore(journal: journal);
        using var watch = store.Watch("/configmaps", null, store.Revision);

        var write = Task.Run(() => store.Create(Key("held"), ConfigMap("held")));
        await journal.SyncRequested.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(write.IsCompleted);
        Assert.Null(store.Get(Key("held")));
        Assert.Empty(store.List("/configmaps").Items);
        Assert.Equal(0, store.Revision);
        Assert.False(watch.Events.TryRead(out _));

        journal.ReleaseSyncs();
        var stored = await write.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, stored.ResourceVersion);
        Assert.NotNull(store.Get(Key("held")));
        Assert.Equal(1, store.Revision);
        Assert.True(watch.Events.TryRead(out var seen));
        Assert.Equal("held", seen.Object.Key.Name);
    }

    [Fact]
    public async Task Writers_that_wait_together_share_one_sync_and_all_come_back_after_a_restart()
    {
        const int writers = 32;
        using (var journal = new HeldSyncJournal(new FileJournal(_directory)))
        using (var store = new ObjectStore(journal: journal))
        {
            var first = Task.Run(() => store.Create(Key("cm-0"), ConfigMap("cm-0")));
            await journal.SyncRequested.WaitAsync(TimeSpan.FromSeconds(30));
            // While the first sync is held, the others write their lines and queue for a sync.
            var rest = Enumerable.Range(1, writers - 1).Select(i => Task.Run(() => store.Create(Key($"cm-{i}"), ConfigMap($"cm-{i}")))).ToList();
            await journal.WaitForPendingSyncsAsync(writers - 1, TimeSpan.FromSeconds(30));

            journal.ReleaseSyncs();
            await Task.WhenAll(rest.Prepend(first)).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(writers, store.List("/configmaps").Items.Count);
            Assert.Equal(writers, store.Revision);
            Assert.InRange(journal.SyncsThatAdvanced, 1, 2);
        }

        using var reopened = new ObjectStore(journal: new FileJournal(_directory));
        Assert.Equal(writers, reopened.List("/configmaps").Items.Count);
        Assert.Equal(writers, reopened.Revision);
    }

    [Fact]
    public void A_failed_sync_fails_the_write_shows_nothing_and_refuses_later_writes()
    {
        using var journal = new HeldSyncJournal(new FileJournal(_directory));
        using var store = new ObjectStore(journal: journal);
        journal.ReleaseSyncs();
        store.Create(Key("kept"), ConfigMap("kept"));

        journal.FailSyncs = true;
        Assert.Throws<IOException>(() => store.Create(Key("lost"), ConfigMap("lost")));

        Assert.Null(store.Get(Key("lost")));
        Assert.NotNull(store.Get(Key("kept")));
        Assert.Equal(1, store.Revision);
        journal.FailSyncs = false;
        var refused = Assert.Throws<IOException>(() => store.Create(Key("after"), ConfigMap("after")));
        Assert.Contains("takes no more writes", refused.Message);
        Assert.Null(store.Get(Key("after")));
    }

    private static ObjectKey Key(string name) => new("/configmaps", "default", name);

    private static JsonObject ConfigMap(string name) =>
        new() { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" } };

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>A real file journal whose syncs wait until the test lets them run, or fail as a broken disk's would.</summary>
    private sealed class HeldSyncJournal(FileJournal inner) : IStoreJournal
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _pending;
        private int _advanced;

        public Task SyncRequested => _requested.Task;

        public int SyncsThatAdvanced => Volatile.Read(ref _advanced);

        public bool FailSyncs { get; set; }

        public long DurableLength => inner.DurableLength;

        public void ReleaseSyncs() => _released.TrySetResult();

        public async Task WaitForPendingSyncsAsync(int count, TimeSpan timeout)
        {
            using var cancel = new CancellationTokenSource(timeout);
            while (Volatile.Read(ref _pending) < count)
            {
                await Task.Delay(10, cancel.Token);
            }
        }

        public RestoredState Load() => inner.Load();

        public long Write(StoreEvent storeEvent) => inner.Write(storeEvent);

        public void MakeDurable(long length)
        {
            Interlocked.Increment(ref _pending);
            _requested.TrySetResult();
            _released.Task.Wait();
            if (FailSyncs && inner.DurableLength < length)
            {
                throw new IOException("fsync failed (simulated disk error)");
            }
            var before = inner.DurableLength;
            inner.MakeDurable(length);
            if (inner.DurableLength > before)
            {
                Interlocked.Increment(ref _advanced);
            }
        }

        public void Dispose() => inner.Dispose();
    }
}
