using Kubemate.Audit;

namespace Kubemate.Host.Audit;

/// <summary>Where the audit trail lives: a PostgreSQL connection string, else a SQLite file.</summary>
public sealed record AuditStoreLocation(string? PostgresConnectionString, string? SqlitePath)
{
    /// <summary>
    /// <c>--audit</c>: a PostgreSQL connection string (<see cref="AuditConnectionStrings.IsPostgres"/>, the direct
    /// commands' rule too), else a SQLite file path; when absent, <c>audit.db</c> under the data directory (default
    /// <c>~/.kubemate</c>).
    /// </summary>
    public static AuditStoreLocation Parse(string? value, string? dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(value) && AuditConnectionStrings.IsPostgres(value))
        {
            return new AuditStoreLocation(value, null);
        }
        if (!string.IsNullOrWhiteSpace(value))
        {
            return new AuditStoreLocation(null, Path.GetFullPath(value));
        }
        var directory = dataDirectory ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kubemate");
        Directory.CreateDirectory(directory);
        return new AuditStoreLocation(null, Path.Combine(directory, "audit.db"));
    }

    /// <summary>For logs: the connection string without its password.</summary>
    public override string ToString() => PostgresConnectionString is not null ? AuditConnectionStrings.Redacted(PostgresConnectionString) : $"sqlite {SqlitePath}";
}
