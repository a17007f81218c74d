using Kubemate.Audit.Trust;

namespace Kubemate.Audit;

public sealed record AuditStoreOptions
{
    /// <summary>Where the key and anchors live; a SQLite store defaults to <see cref="FileAuditTrust.NextTo"/> its file, PostgreSQL must be given one.</summary>
    public IAuditTrust? Trust { get; init; }

    public TimeProvider? Time { get; init; }

    public AuditAnchorPolicy Anchoring { get; init; } = AuditAnchorPolicy.Default;

    /// <summary>
    /// For <c>audit verify</c>: create nothing — no file, no schema, no key — and fail with
    /// <see cref="AuditStoreNotFoundException"/> when there is no store; appends are refused.
    /// </summary>
    public bool VerifyOnly { get; init; }
}
