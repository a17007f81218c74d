using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Persistence;

/// <summary>Makes the store durable: every committed event is appended before the write is acknowledged.</summary>
public interface IStoreJournal : IDisposable
{
    /// <summary>Reads back everything persisted so far.</summary>
    RestoredState Load();

    /// <summary>Durably records one committed event (called under the store's write lock).</summary>
    void Append(StoreEvent storeEvent);
}

public sealed record RestoredState(IReadOnlyList<StoredObject> Objects, long Revision);
