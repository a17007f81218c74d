using System.Data.Common;

namespace Kubemate.Audit.Storage;

/// <summary>Brings a database to the newest schema under the chain lock, so replicas starting together apply each step once.</summary>
internal static class AuditMigrator
{
    public static async Task<IReadOnlyList<int>> ApplyAsync(IAuditDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginLockedTransactionAsync(connection, cancellationToken);
        await SqlCommands.ExecuteAsync(connection, transaction,
            $"CREATE TABLE IF NOT EXISTS {AuditMigrations.HistoryTable} (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at_us BIGINT NOT NULL)",
            cancellationToken);

        var applied = await ReadAppliedVersionsAsync(connection, transaction, cancellationToken);
        var known = AuditMigrations.All.Max(m => m.Version);
        var unknown = applied.Where(v => v > known).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"{database.Description}: audit schema version {unknown.Max()} is newer than this Kubemate knows ({known}); upgrade Kubemate");
        }

        var appliedNow = new List<int>();
        foreach (var migration in AuditMigrations.All.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
        {
            foreach (var statement in migration.Statements)
            {
                await SqlCommands.ExecuteAsync(connection, transaction, statement, cancellationToken);
            }
            await SqlCommands.ExecuteAsync(connection, transaction,
                $"INSERT INTO {AuditMigrations.HistoryTable} (version, description, applied_at_us) VALUES (@version, @description, @at)",
                cancellationToken,
                ("version", migration.Version), ("description", migration.Description), ("at", AuditTime.ToMicroseconds(time.GetUtcNow())));
            appliedNow.Add(migration.Version);
        }
        await transaction.CommitAsync(cancellationToken);
        return appliedNow;
    }

    /// <summary>True when the database holds the audit tables; changes nothing.</summary>
    public static async Task<bool> IsAuditStoreAsync(IAuditDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = SqlCommands.Create(connection, null, "SELECT COUNT(*) FROM audit_records");
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    private static async Task<HashSet<int>> ReadAppliedVersionsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(connection, transaction, $"SELECT version FROM {AuditMigrations.HistoryTable}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }
        return versions;
    }
}
