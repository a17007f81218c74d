using Kubemate.Audit;
using Kubemate.Audit.Trust;
using Kubemate.Files;

namespace Kubemate.Host.Audit;

/// <summary>
/// Where the audit trail lives: a PostgreSQL connection string, else a SQLite file; and where its key and anchors
/// live: <see cref="Trust"/> when given (the cluster's Secret and ConfigMap), else files in <see cref="TrustDirectory"/>:
/// next to the SQLite file, or in the data directory for PostgreSQL.
/// </summary>
public sealed record AuditStoreLocation(string? PostgresConnectionString, string? SqlitePath)
{
    public string TrustDirectory { get; init; } = "";

    /// <summary>The key and anchors kept elsewhere than in files (<see cref="KubernetesAuditTrust"/>); null keeps the files.</summary>
    public IAuditTrust? Trust { get; init; }

    public AuditStoreOptions Options(TimeProvider time) => new()
    {
        Time = time,
        Trust = Trust is not null ? Trust
            : PostgresConnectionString is null ? FileAuditTrust.NextTo(SqlitePath!)
            : TrustDirectory.Length > 0 ? FileAuditTrust.ForPostgres(TrustDirectory, PostgresConnectionString)
            : throw new InvalidOperationException("a PostgreSQL audit store needs a folder for its key and anchors (the data directory)"),
    };

    /// <summary>
    /// <c>--audit</c>: a PostgreSQL connection string (<see cref="AuditConnectionStrings.IsPostgres"/>, the direct
    /// commands' rule too), else a SQLite file path; when absent, <c>audit.db</c> under the data directory (default
    /// <c>~/.kubemate</c>).
    /// </summary>
    public static AuditStoreLocation Parse(string? value, string? dataDirectory)
    {
        var directory = dataDirectory ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kubemate");
        if (!string.IsNullOrWhiteSpace(value) && AuditConnectionStrings.IsPostgres(value))
        {
            return new AuditStoreLocation(value, null) { TrustDirectory = Path.GetFullPath(directory) };
        }
        if (!string.IsNullOrWhiteSpace(value))
        {
            var file = Path.GetFullPath(value);
            return new AuditStoreLocation(null, file) { TrustDirectory = Path.GetDirectoryName(file)! };
        }
        PrivateFiles.OwnFolder(directory);
        return new AuditStoreLocation(null, Path.Combine(directory, "audit.db")) { TrustDirectory = Path.GetFullPath(directory) };
    }

    /// <summary>For logs: the connection string without its password.</summary>
    public override string ToString() => PostgresConnectionString is not null ? AuditConnectionStrings.Redacted(PostgresConnectionString) : $"sqlite {SqlitePath}";
}
