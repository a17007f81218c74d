namespace Kubemate.Audit.Storage;

/// <summary>One schema step; its statements are plain SQL that SQLite and PostgreSQL both accept.</summary>
public sealed record AuditMigration(int Version, string Description, IReadOnlyList<string> Statements);
