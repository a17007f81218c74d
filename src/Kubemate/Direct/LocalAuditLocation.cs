using Kubemate.Audit;

namespace Kubemate.Direct;

/// <summary>
/// Where direct commands keep their audit trail: <c>--audit</c> (a SQLite file, or a PostgreSQL connection string),
/// else <c>$XDG_DATA_HOME/kubemate/audit.db</c>, else <c>~/.local/share/kubemate/audit.db</c>.
/// </summary>
public sealed record LocalAuditLocation(string? PostgresConnectionString, string SqlitePath)
{
    public static LocalAuditLocation Resolve(string? flag)
    {
        if (!string.IsNullOrWhiteSpace(flag))
        {
            return AuditConnectionStrings.IsPostgres(flag) ? new LocalAuditLocation(flag, "") : new LocalAuditLocation(null, Path.GetFullPath(flag));
        }
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(dataHome))
        {
            dataHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }
        return new LocalAuditLocation(null, Path.Combine(dataHome, "kubemate", "audit.db"));
    }

    /// <summary>For messages: the file, or the PostgreSQL host without the password.</summary>
    public override string ToString() => PostgresConnectionString is null ? SqlitePath : AuditConnectionStrings.Redacted(PostgresConnectionString);
}
