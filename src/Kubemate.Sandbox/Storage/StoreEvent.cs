namespace Kubemate.Sandbox.Storage;

public enum StoreEventType
{
    Added,
    Modified,
    Deleted,
}

/// <summary>A committed change. For deletions <see cref="Object"/> is the last state, at the deletion's revision.</summary>
public sealed record StoreEvent(StoreEventType Type, StoredObject Object, StoredObject? Previous)
{
    public long Revision => Object.ResourceVersion;
}
