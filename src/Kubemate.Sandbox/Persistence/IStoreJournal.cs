using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Persistence;

/// <summary>
/// Makes the store durable: every committed event is written, then made durable, before the write is acknowledged.
/// Writing and syncing are apart so that concurrent writes share one sync (group commit).
/// </summary>
public interface IStoreJournal : IDisposable
{
    /// <summary>Reads back everything persisted so far.</summary>
    RestoredState Load();

    /// <summary>
    /// Writes one committed event at the journal's end (called under the store's write lock, in revision order) and
    /// returns the journal's length after it. Not yet durable: <see cref="MakeDurable"/> does that.
    /// </summary>
    long Write(StoreEvent storeEvent);

    /// <summary>Returns once everything up to <paramref name="length"/> is on disk; throws when that cannot be done.</summary>
    void MakeDurable(long length);

    /// <summary>How much of the journal is known to be on disk.</summary>
    long DurableLength { get; }
}

public sealed record RestoredState(IReadOnlyList<StoredObject> Objects, long Revision);
