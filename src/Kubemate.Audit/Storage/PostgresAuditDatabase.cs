using System.Data.Common;
using Npgsql;

namespace Kubemate.Audit.Storage;

internal sealed class PostgresAuditDatabase : IAuditDatabase
{
    // Arbitrary constant shared by every Kubemate replica: ASCII "kmaudit\0" as a 64-bit key.
    private const long ChainLockKey = 0x6B6D_6175_6469_7400;

    private readonly NpgsqlDataSource dataSource;

    public PostgresAuditDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        dataSource = NpgsqlDataSource.Create(builder);
        Description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }

    public string Description { get; }

    /// <summary>A server has no file to empty; dropped tables show as no audit store, deleted rows against the anchors.</summary>
    public string? CheckPresence() => null;

    public async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public async Task<DbTransaction> BeginLockedTransactionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await ((NpgsqlConnection)connection).BeginTransactionAsync(cancellationToken);
        try
        {
            // Held until commit or rollback; serialises appenders in every process connected to this database.
            await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", (NpgsqlConnection)connection, transaction);
            command.Parameters.AddWithValue("key", ChainLockKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
