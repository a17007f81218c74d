using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Kubemate.Audit.Storage;

internal sealed class SqliteAuditDatabase : IAuditDatabase
{
    private readonly string connectionString;

    public SqliteAuditDatabase(string path)
    {
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Seconds Microsoft.Data.Sqlite keeps retrying while another writer holds the lock.
            DefaultTimeout = 60,
        }.ToString();
        Description = "SQLite " + path;
    }

    public string Description { get; }

    public async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public Task<DbTransaction> BeginLockedTransactionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // deferred: false issues BEGIN IMMEDIATE, which takes the database's single write lock up front
        // (SQLite has no async API: Microsoft.Data.Sqlite's async methods run synchronously anyway).
        return Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
    }

    /// <summary>WAL lets readers (query, verify) run while a writer appends.</summary>
    public async Task UseWriteAheadLogAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
