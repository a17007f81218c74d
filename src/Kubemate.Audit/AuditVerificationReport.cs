namespace Kubemate.Audit;

/// <summary>Each way a trail can be found broken; docs/audit.md lists what causes each.</summary>
public enum AuditBreakKind
{
    /// <summary>The record's content no longer matches its signature: a row was edited in place.</summary>
    HashMismatch,

    /// <summary>The record's previous hash is not the hash of the record before it.</summary>
    PreviousHashMismatch,

    /// <summary>A sequence number is absent: the record was deleted.</summary>
    Missing,

    /// <summary>The record cannot be read back (malformed stored JSON or values).</summary>
    Unreadable,

    /// <summary>The chain differs from a signed anchor kept outside the store, or the switch point to the keyed chain moved.</summary>
    AnchorMismatch,

    /// <summary>The trail ends before the last signed anchor: its newest records were deleted.</summary>
    TailMissing,

    /// <summary>The trail has no records but a signed anchor says it had some: every record was deleted.</summary>
    AllRecordsDeleted,

    /// <summary>The store's file is empty (zero bytes) or gone.</summary>
    EmptyStore,

    /// <summary>A record covered by an anchor was edited and re-hashed without the key (its hash is the plain SHA-256 of its content).</summary>
    RehashedWithoutKey,

    /// <summary>A record after the last anchor is not signed with the key: it was appended (or rewritten) by someone without it.</summary>
    ForgedRecord,

    /// <summary>Records were moved: this record's previous hash names a record stored after it.</summary>
    Reordered,

    /// <summary>An anchor line is malformed or its signature is not the key's: the anchor file was edited.</summary>
    AnchorForged,

    /// <summary>The trail has signed records but no anchor at all: the anchors were removed.</summary>
    AnchorsMissing,

    /// <summary>The trail has signed records but the key that signed them is gone: nothing can be checked.</summary>
    KeyMissing,
}

/// <summary>The first place the chain is broken.</summary>
public sealed record AuditChainBreak(long Sequence, AuditBreakKind Kind, string Message);

public sealed record AuditVerificationReport(long RecordsChecked, AuditHead? Head, AuditChainBreak? FirstBreak)
{
    public bool IsValid => FirstBreak is null;
}
