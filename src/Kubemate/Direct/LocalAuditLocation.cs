using Kubemate.Audit;
using Kubemate.Audit.Trust;

namespace Kubemate.Direct;

/// <summary>
/// Where direct commands keep their audit trail: <c>--audit</c> (a SQLite file, or a PostgreSQL connection string),
/// else <c>$XDG_DATA_HOME/kubemate/audit.db</c>, else <c>~/.local/share/kubemate/audit.db</c>. The key and anchors
/// sit next to the SQLite file, or in that default folder for PostgreSQL; with <c>--audit-trust secret</c> in the
/// Secret and ConfigMap of <see cref="ClusterTrustNamespace"/> on the kubeconfig's cluster.
/// </summary>
public sealed record LocalAuditLocation(string? PostgresConnectionString, string SqlitePath)
{
    public string TrustDirectory { get; init; } = "";

    /// <summary>The namespace of the cluster's audit key Secret and anchors ConfigMap; null keeps the key and anchors in files.</summary>
    public string? ClusterTrustNamespace { get; init; }

    public static LocalAuditLocation Resolve(string? flag)
    {
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(dataHome))
        {
            dataHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }
        var folder = Path.Combine(dataHome, "kubemate");
        if (!string.IsNullOrWhiteSpace(flag))
        {
            if (AuditConnectionStrings.IsPostgres(flag))
            {
                return new LocalAuditLocation(flag, "") { TrustDirectory = folder };
            }
            var file = Path.GetFullPath(flag);
            return new LocalAuditLocation(null, file) { TrustDirectory = Path.GetDirectoryName(file)! };
        }
        return new LocalAuditLocation(null, Path.Combine(folder, "audit.db")) { TrustDirectory = folder };
    }

    /// <param name="clusterTrust">The trust in the cluster when <see cref="ClusterTrustNamespace"/> is set.</param>
    public AuditStoreOptions Options(bool verifyOnly, IAuditTrust? clusterTrust = null) => new()
    {
        Trust = clusterTrust ?? (PostgresConnectionString is null ? FileAuditTrust.NextTo(SqlitePath) : FileAuditTrust.ForPostgres(TrustDirectory, PostgresConnectionString)),
        VerifyOnly = verifyOnly,
    };

    /// <summary>For messages: the file, or the PostgreSQL host without the password.</summary>
    public override string ToString() => PostgresConnectionString is null ? SqlitePath : AuditConnectionStrings.Redacted(PostgresConnectionString);
}
