using Kubemate.Audit.Storage;

namespace Kubemate.Audit;

/// <summary>SQLite file by default; PostgreSQL when a connection string is given (several replicas share it).</summary>
public static class AuditStores
{
    public static async Task<IAuditStore> OpenAsync(string? postgresConnectionString, string sqlitePath, TimeProvider? time = null, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(postgresConnectionString)
            ? await SqlAuditStore.OpenSqliteAsync(sqlitePath, time, cancellationToken)
            : await SqlAuditStore.OpenPostgresAsync(postgresConnectionString, time, cancellationToken);
}
