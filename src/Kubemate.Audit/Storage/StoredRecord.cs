namespace Kubemate.Audit.Storage;

/// <summary>A row as read back: the record, or why it could not be rebuilt.</summary>
internal sealed record StoredRecord(long Sequence, AuditRecord? Record, string? Problem);
