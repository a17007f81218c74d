using Kubemate.Audit.Storage;

namespace Kubemate.Audit;

/// <summary>SQLite file by default; PostgreSQL when a connection string is given (several replicas share it).</summary>
public static class AuditStores
{
    /// <summary>Opens the store; <see cref="AuditStoreOptions.Trust"/> defaults to the key and anchors next to the SQLite file.</summary>
    public static async Task<IAuditStore> OpenAsync(string? postgresConnectionString, string sqlitePath, AuditStoreOptions? options = null, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(postgresConnectionString)
            ? await SqlAuditStore.OpenSqliteAsync(sqlitePath, options ?? new AuditStoreOptions(), cancellationToken)
            : await SqlAuditStore.OpenPostgresAsync(postgresConnectionString, options ?? new AuditStoreOptions(), cancellationToken);
}
