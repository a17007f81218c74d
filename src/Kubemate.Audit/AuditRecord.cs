namespace Kubemate.Audit;

/// <summary>A stored audit entry, linked to its predecessor by <see cref="PreviousHash"/>.</summary>
public sealed record AuditRecord
{
    /// <summary>1 for the first record, then consecutive without gaps.</summary>
    public required long Sequence { get; init; }

    /// <summary>UTC, truncated to whole microseconds so every store keeps it exactly.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    public required string User { get; init; }

    public required IReadOnlyList<string> Groups { get; init; }

    public required string SourceAddress { get; init; }

    public required string Cluster { get; init; }

    public required string Operation { get; init; }

    public required bool DryRun { get; init; }

    public required AuditOutcome Outcome { get; init; }

    public required IReadOnlyList<AuditObjectChange> Objects { get; init; }

    public required string Diff { get; init; }

    /// <summary>Hash of the record before this one; <see cref="AuditChain.GenesisHash"/> for the first.</summary>
    public required string PreviousHash { get; init; }

    /// <summary>Lower-case hex SHA-256 of the canonical form (see docs/audit.md).</summary>
    public required string Hash { get; init; }
}
