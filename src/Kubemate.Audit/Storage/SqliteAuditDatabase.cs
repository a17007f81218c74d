using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Kubemate.Audit.Storage;

internal sealed class SqliteAuditDatabase : IAuditDatabase
{
    private readonly string connectionString;
    private readonly string path;

    /// <param name="create">False to open only an existing file (verification creates nothing).</param>
    public SqliteAuditDatabase(string path, bool create)
    {
        this.path = path;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = true,
            // Seconds Microsoft.Data.Sqlite keeps retrying while another writer holds the lock.
            DefaultTimeout = 60,
        }.ToString();
        Description = "SQLite " + path;
    }

    public string Description { get; }

    public string? CheckPresence()
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return $"the audit store file {path} is gone";
        }
        return file.Length == 0 ? $"the audit store file {path} is empty (0 bytes): every record and the schema were wiped" : null;
    }

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
