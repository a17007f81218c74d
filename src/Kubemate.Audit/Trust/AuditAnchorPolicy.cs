namespace Kubemate.Audit.Trust;

/// <summary>When the store signs an anchor: after its first record, every <see cref="EveryRecords"/> records, every <see cref="Every"/> when it appended since, and on clean shutdown.</summary>
public sealed record AuditAnchorPolicy(int EveryRecords, TimeSpan Every)
{
    public static AuditAnchorPolicy Default { get; } = new(100, TimeSpan.FromMinutes(5));
}
