namespace Kubemate.Audit;

/// <summary>What a caller records; the store adds sequence, timestamp and the hash chain.</summary>
public sealed record AuditEntry
{
    public required string User { get; init; }

    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Where the request came from: a client address, or "cli" for a local command.</summary>
    public required string SourceAddress { get; init; }

    public required string Cluster { get; init; }

    /// <summary>Lower-case verb such as apply, delete, mesh-enable.</summary>
    public required string Operation { get; init; }

    public bool DryRun { get; init; }

    public required AuditOutcome Outcome { get; init; }

    public IReadOnlyList<AuditObjectChange> Objects { get; init; } = [];

    /// <summary>The unified diff shown to the user; empty when there is none.</summary>
    public string Diff { get; init; } = "";
}
