using Kubemate.Audit.Hashing;
using Kubemate.Audit.Trust;

namespace Kubemate.Audit.Storage;

/// <summary>
/// Walks records in sequence order, checking each link and signature and each anchor on the way, and stops at the
/// first record that breaks the chain. Records before <c>keyedFrom</c> predate the key and carry plain SHA-256.
/// </summary>
internal sealed class AuditChainVerifier(AuditKey? key, long keyedFrom, IReadOnlyList<AuditAnchor> anchors)
{
    private readonly Dictionary<long, AuditAnchor> anchorAt = anchors.GroupBy(a => a.Count).ToDictionary(g => g.Key, g => g.Last());
    private readonly long anchoredCount = anchors.Count == 0 ? 0 : anchors.Max(a => a.Count);
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
        if (!SignatureHolds(record))
        {
            return false;
        }
        if (anchorAt.TryGetValue(record.Sequence, out var anchor) && anchor.HeadHash != record.Hash)
        {
            return Break(record.Sequence, AuditBreakKind.AnchorMismatch,
                $"record {record.Sequence} hashes to {record.Hash} but the anchor signed at {AuditCanonicalForm.FormatTimestamp(anchor.Time)} says {anchor.HeadHash}: the chain was rewritten");
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
        var count = head?.Sequence ?? 0;
        if (anchoredCount > count)
        {
            var last = anchorAt[anchoredCount];
            var when = AuditCanonicalForm.FormatTimestamp(last.Time);
            if (count == 0)
            {
                Break(1, AuditBreakKind.AllRecordsDeleted,
                    $"the trail has no records but the anchor signed at {when} says it held {anchoredCount}: every record was deleted");
            }
            else
            {
                Break(count + 1, AuditBreakKind.TailMissing,
                    $"the trail ends at record {count} but the anchor signed at {when} says it held {anchoredCount}: records {count + 1} to {anchoredCount} were deleted");
            }
        }
        else if (anchors.Count == 0 && count >= keyedFrom)
        {
            Break(count, AuditBreakKind.AnchorsMissing,
                $"the trail has {count} records signed with the key but there is no anchor for them: the anchors were removed");
        }
        return Report();
    }

    public AuditVerificationReport Report() => new(checkedCount, head, firstBreak);

    private bool SignatureHolds(AuditRecord record)
    {
        if (record.Sequence < keyedFrom)
        {
            var unkeyed = AuditHasher.ComputeUnkeyed(record);
            return unkeyed == record.Hash || Break(record.Sequence, AuditBreakKind.HashMismatch,
                $"record {record.Sequence} (from before the key) was changed: its content hashes to {unkeyed}, not the stored {record.Hash}");
        }
        if (key is null)
        {
            return Break(record.Sequence, AuditBreakKind.KeyMissing,
                $"record {record.Sequence} is signed with the audit key but the key is gone: restore it to verify the trail");
        }
        if (AuditHasher.Compute(record, key) == record.Hash)
        {
            return true;
        }
        if (AuditHasher.ComputeUnkeyed(record) == record.Hash)
        {
            return record.Sequence > anchoredCount
                ? Break(record.Sequence, AuditBreakKind.ForgedRecord,
                    $"record {record.Sequence} comes after the last anchor ({anchoredCount}) and is not signed with the key: it was appended by someone without it")
                : Break(record.Sequence, AuditBreakKind.RehashedWithoutKey,
                    $"record {record.Sequence} was edited and re-hashed without the key: its hash is the plain SHA-256 of its content, not its signature");
        }
        return Break(record.Sequence, AuditBreakKind.HashMismatch,
            $"record {record.Sequence} was edited: its content does not match its signature {record.Hash}");
    }

    private bool Break(long sequence, AuditBreakKind kind, string message)
    {
        firstBreak = new AuditChainBreak(sequence, kind, message);
        return false;
    }
}
