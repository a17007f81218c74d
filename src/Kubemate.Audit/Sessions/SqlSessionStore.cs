using System.Security.Cryptography;
using System.Text;
using Kubemate.Audit.Storage;
using Kubemate.Files;

namespace Kubemate.Audit.Sessions;

/// <summary>
/// Server-side sign-in sessions in the audit database (SQLite or PostgreSQL): a session is valid while its row
/// exists and has not expired; removing the row revokes it everywhere. Stored under the SHA-256 of the session key,
/// so that reading the table does not yield a usable key.
/// </summary>
public sealed class SqlSessionStore : IAsyncDisposable
{
    private readonly IAuditDatabase database;
    private readonly TimeProvider time;

    private SqlSessionStore(IAuditDatabase database, TimeProvider time)
    {
        this.database = database;
        this.time = time;
    }

    /// <summary>Opens the sessions of the audit store at this location (PostgreSQL when a connection string is given), migrating it if needed.</summary>
    public static async Task<SqlSessionStore> OpenAsync(string? postgresConnectionString, string sqlitePath, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var sqlite = string.IsNullOrWhiteSpace(postgresConnectionString);
        if (sqlite)
        {
            // The host opens the audit store first; alone (tests, tools), the file is made private as the store makes it.
            PrivateFiles.CreateFolder(Path.GetDirectoryName(Path.GetFullPath(sqlitePath))!);
            await PrivateFiles.Open(sqlitePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite).DisposeAsync();
        }
        IAuditDatabase database = sqlite
            ? new SqliteAuditDatabase(sqlitePath, create: true)
            : new PostgresAuditDatabase(postgresConnectionString!);
        try
        {
            await AuditMigrator.ApplyAsync(database, time, cancellationToken);
            return new SqlSessionStore(database, time);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates or renews a session; sessions that expired are removed on the way.</summary>
    public async Task SaveAsync(string key, string user, string ticket, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        var now = AuditTime.ToMicroseconds(time.GetUtcNow());
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await SqlCommands.ExecuteAsync(connection, null,
            $"""
            INSERT INTO {SessionMigration.Table} (id, user_name, ticket, created_at_us, expires_at_us) VALUES (@id, @user, @ticket, @now, @expires)
            ON CONFLICT (id) DO UPDATE SET ticket = excluded.ticket, expires_at_us = excluded.expires_at_us
            """,
            cancellationToken,
            ("id", Id(key)), ("user", user), ("ticket", ticket), ("now", now), ("expires", AuditTime.ToMicroseconds(expiresAt)));
        await SqlCommands.ExecuteAsync(connection, null, $"DELETE FROM {SessionMigration.Table} WHERE expires_at_us < @now", cancellationToken, ("now", now));
    }

    /// <summary>The session's ticket, or null when it was revoked, expired or never existed.</summary>
    public async Task<string?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = SqlCommands.Create(connection, null,
            $"SELECT ticket FROM {SessionMigration.Table} WHERE id = @id AND expires_at_us >= @now",
            ("id", Id(key)), ("now", AuditTime.ToMicroseconds(time.GetUtcNow())));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>Revokes the session: its cookie passes no request any more, on any replica.</summary>
    public async Task RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await SqlCommands.ExecuteAsync(connection, null, $"DELETE FROM {SessionMigration.Table} WHERE id = @id", cancellationToken, ("id", Id(key)));
    }

    private static string Id(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public ValueTask DisposeAsync() => database.DisposeAsync();
}
