using Kubemate.Audit.Storage;

namespace Kubemate.Audit.Sessions;

/// <summary>
/// The sign-in sessions of <c>kubemate serve</c> live next to the audit trail, so every replica sharing the store
/// sees a sign-out at once. Rows are keyed by a hash of the session key, never the key the cookie carries.
/// </summary>
internal static class SessionMigration
{
    public const string Table = "kubemate_sessions";

    public static AuditMigration Step { get; } = new(3, "sign-in sessions",
    [
        $"""
        CREATE TABLE {Table} (
            id TEXT NOT NULL PRIMARY KEY,
            user_name TEXT NOT NULL,
            ticket TEXT NOT NULL,
            created_at_us BIGINT NOT NULL,
            expires_at_us BIGINT NOT NULL
        )
        """,
        $"CREATE INDEX {Table}_expiry ON {Table} (expires_at_us)",
    ]);
}
