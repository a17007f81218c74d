namespace Kubemate.Audit;

/// <summary>The newest record's sequence and hash: keep it outside the store as an anchor to detect a truncated tail.</summary>
public sealed record AuditHead(long Sequence, string Hash);
