using Kubemate.Audit.Hashing;

namespace Kubemate.Audit.Storage;

/// <summary>Walks records in sequence order and stops at the first one that breaks the chain.</summary>
internal sealed class AuditChainVerifier(AuditHead? anchor)
{
    private long expectedSequence = 1;
    private string previousHash = AuditChain.GenesisHash;
    private long checkedCount;
    private AuditHead? head;
    private AuditChainBreak? firstBreak;

    /// <summary>False once the chain is broken; the caller then stops reading.</summary>
    public bool Accept(StoredRecord stored)
    {
        if (stored.Sequence != expectedSequence)
        {
            var after = expectedSequence == 1 ? "the start of the trail" : $"record {expectedSequence - 1}";
            var missing = stored.Sequence == expectedSequence + 1 ? $"record {expectedSequence} is" : $"records {expectedSequence} to {stored.Sequence - 1} are";
            return Break(expectedSequence, AuditBreakKind.Missing, $"{missing} missing: record {stored.Sequence} follows {after}");
        }
        if (stored.Record is not { } record)
        {
            return Break(stored.Sequence, AuditBreakKind.Unreadable, $"record {stored.Sequence} cannot be read: {stored.Problem}");
        }
        if (record.PreviousHash != previousHash)
        {
            return Break(record.Sequence, AuditBreakKind.PreviousHashMismatch,
                $"record {record.Sequence} names previous hash {record.PreviousHash} but record {record.Sequence - 1} hashes to {previousHash}");
        }
        var computed = AuditHasher.Compute(record);
        if (computed != record.Hash)
        {
            return Break(record.Sequence, AuditBreakKind.HashMismatch,
                $"record {record.Sequence} was changed: its content hashes to {computed}, not the stored {record.Hash}");
        }
        if (anchor is not null && record.Sequence == anchor.Sequence && record.Hash != anchor.Hash)
        {
            return Break(record.Sequence, AuditBreakKind.AnchorMismatch,
                $"record {record.Sequence} hashes to {record.Hash} but the anchor kept outside the store says {anchor.Hash}: the chain was rewritten");
        }
        previousHash = record.Hash;
        expectedSequence++;
        checkedCount++;
        head = new AuditHead(record.Sequence, record.Hash);
        return true;
    }

    /// <summary>Called after the last record when nothing broke on the way.</summary>
    public AuditVerificationReport Finish()
    {
        if (anchor is not null && (head?.Sequence ?? 0) < anchor.Sequence)
        {
            Break(anchor.Sequence, AuditBreakKind.AnchorMismatch,
                $"the trail ends at record {head?.Sequence ?? 0} but the anchor kept outside the store names record {anchor.Sequence}: the tail was deleted");
        }
        return Report();
    }

    public AuditVerificationReport Report() => new(checkedCount, head, firstBreak);

    private bool Break(long sequence, AuditBreakKind kind, string message)
    {
        firstBreak = new AuditChainBreak(sequence, kind, message);
        return false;
    }
}
