namespace Kubemate.Audit.Storage;

/// <summary>
/// The one migration list for every backend. Append new steps; never edit an applied one.
/// Only types both dialects share: BIGINT, INTEGER, TEXT, BOOLEAN.
/// </summary>
public static class AuditMigrations
{
    public const string HistoryTable = "audit_schema_migrations";

    public static IReadOnlyList<AuditMigration> All { get; } =
    [
        new(1, "audit records and their objects",
        [
            """
            CREATE TABLE audit_records (
                seq BIGINT NOT NULL PRIMARY KEY,
                ts_us BIGINT NOT NULL,
                user_name TEXT NOT NULL,
                groups_json TEXT NOT NULL,
                source_address TEXT NOT NULL,
                cluster_name TEXT NOT NULL,
                operation TEXT NOT NULL,
                dry_run BOOLEAN NOT NULL,
                outcome TEXT NOT NULL,
                diff TEXT NOT NULL,
                previous_hash TEXT NOT NULL UNIQUE,
                hash TEXT NOT NULL UNIQUE
            )
            """,
            """
            CREATE TABLE audit_objects (
                seq BIGINT NOT NULL REFERENCES audit_records (seq),
                ordinal INTEGER NOT NULL,
                api_version TEXT NOT NULL,
                kind TEXT NOT NULL,
                namespace TEXT NULL,
                name TEXT NOT NULL,
                action TEXT NOT NULL,
                status TEXT NOT NULL,
                message TEXT NULL,
                PRIMARY KEY (seq, ordinal)
            )
            """,
            "CREATE INDEX audit_records_user ON audit_records (user_name, seq)",
            "CREATE INDEX audit_records_time ON audit_records (ts_us)",
            "CREATE INDEX audit_objects_target ON audit_objects (namespace, kind, name)",
        ]),
        new(2, "records from keyed_from on are signed with the audit key (HMAC-SHA256); older ones keep plain SHA-256",
        [
            "CREATE TABLE audit_chain_keying (keyed_from BIGINT NOT NULL)",
            "INSERT INTO audit_chain_keying (keyed_from) SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_records",
        ]),
        Sessions.SessionMigration.Step,
    ];
}
