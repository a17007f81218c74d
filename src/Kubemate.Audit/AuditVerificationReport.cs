namespace Kubemate.Audit;

public enum AuditBreakKind
{
    /// <summary>The record's content no longer matches its hash: it was edited.</summary>
    HashMismatch,

    /// <summary>The record's previous hash is not the hash of the record before it.</summary>
    PreviousHashMismatch,

    /// <summary>A sequence number is absent: the record was deleted.</summary>
    Missing,

    /// <summary>The record cannot be read back (malformed stored JSON or values).</summary>
    Unreadable,

    /// <summary>The chain ends before, or differs at, the externally kept anchor: the tail was truncated or rewritten.</summary>
    AnchorMismatch,
}

/// <summary>The first place the chain is broken.</summary>
public sealed record AuditChainBreak(long Sequence, AuditBreakKind Kind, string Message);

public sealed record AuditVerificationReport(long RecordsChecked, AuditHead? Head, AuditChainBreak? FirstBreak)
{
    public bool IsValid => FirstBreak is null;
}
