using System.Data.Common;
using Kubemate.Audit;
using Kubemate.Audit.Hashing;
using Kubemate.Audit.Storage;
using Kubemate.Audit.Trust;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kubemate.Testing;

/// <summary>The ways someone with write access to the database (but not to the key and anchors) can doctor a trail.</summary>
public enum AuditTamper
{
    TailTruncation,
    FullDeletion,
    EmptyFile,
    EditAndRehash,
    ForgedAppend,
    RowEdit,
    Reorder,
}

/// <summary>
/// Edits an audit store behind Kubemate's back, as its database owner could: plain SQL on the SQLite file or the
/// PostgreSQL schema, and the public (unkeyed) hash algorithm, never the key.
/// </summary>
public sealed class AuditTampering
{
    /// <summary>Five records; every tamper case below is written for them.</summary>
    public const int SeededRecords = 5;

    private readonly string? sqlitePath;
    private readonly string? postgresConnectionString;

    private AuditTampering(string? sqlitePath, string? postgresConnectionString)
    {
        this.sqlitePath = sqlitePath;
        this.postgresConnectionString = postgresConnectionString;
    }

    public static AuditTampering Sqlite(string path) => new(path, null);

    public static AuditTampering Postgres(string connectionString) => new(null, connectionString);

    /// <summary>Every case, for a theory (<c>[MemberData(nameof(AuditTampering.Cases), MemberType = typeof(AuditTampering))]</c>).</summary>
    public static TheoryData<AuditTamper> Cases() => new(Enum.GetValues<AuditTamper>());

    /// <summary>What verify must answer for each case: the kind and the sequence it names.</summary>
    public static (AuditBreakKind Kind, long Sequence) Expected(AuditTamper tamper) => tamper switch
    {
        AuditTamper.TailTruncation => (AuditBreakKind.TailMissing, 4),
        AuditTamper.FullDeletion => (AuditBreakKind.AllRecordsDeleted, 1),
        AuditTamper.EmptyFile => (AuditBreakKind.EmptyStore, 0),
        AuditTamper.EditAndRehash => (AuditBreakKind.RehashedWithoutKey, 3),
        AuditTamper.ForgedAppend => (AuditBreakKind.ForgedRecord, 6),
        AuditTamper.RowEdit => (AuditBreakKind.HashMismatch, 3),
        AuditTamper.Reorder => (AuditBreakKind.Reordered, 2),
        _ => throw new ArgumentOutOfRangeException(nameof(tamper)),
    };

    /// <summary>Appends <see cref="SeededRecords"/> records through the store, as Kubemate would.</summary>
    public static async Task SeedAsync(IAuditStore store)
    {
        for (var i = 1; i <= SeededRecords; i++)
        {
            await store.AppendAsync(new AuditEntry
            {
                User = i % 2 == 0 ? "olivia" : "alice",
                SourceAddress = "127.0.0.1",
                Cluster = "kubemate-sandbox",
                Operation = "apply",
                Outcome = AuditOutcome.Allowed,
                Objects = [new AuditObjectChange("v1", "ConfigMap", "orders", $"settings-{i}", "update", "applied")],
                Diff = $"-    replicas: {i}\n+    replicas: {i + 1}\n",
            });
        }
    }

    /// <summary>Applies the case to a store of <see cref="SeededRecords"/> records that was closed cleanly (so anchored).</summary>
    public async Task ApplyAsync(AuditTamper tamper)
    {
        switch (tamper)
        {
            case AuditTamper.TailTruncation:
                await ExecuteAsync("DELETE FROM audit_objects WHERE seq >= 4", "DELETE FROM audit_records WHERE seq >= 4");
                break;
            case AuditTamper.FullDeletion:
                await ExecuteAsync("DELETE FROM audit_objects", "DELETE FROM audit_records");
                break;
            case AuditTamper.EmptyFile:
                var path = sqlitePath ?? throw new InvalidOperationException("only a SQLite store has a file to empty");
                SqliteConnection.ClearAllPools();
                File.WriteAllBytes(path, []);
                File.Delete(path + "-wal");
                File.Delete(path + "-shm");
                break;
            case AuditTamper.EditAndRehash:
                await RehashFromAsync(3, record => record with { User = "mallory" });
                break;
            case AuditTamper.ForgedAppend:
                await ForgeAppendAsync();
                break;
            case AuditTamper.RowEdit:
                await ExecuteAsync("UPDATE audit_records SET user_name = 'mallory' WHERE seq = 3");
                break;
            case AuditTamper.Reorder:
                await ExecuteAsync(
                    "CREATE TABLE moved_objects AS SELECT * FROM audit_objects WHERE seq IN (2, 3)",
                    "DELETE FROM audit_objects WHERE seq IN (2, 3)",
                    "UPDATE audit_records SET seq = 1000 WHERE seq = 2",
                    "UPDATE audit_records SET seq = 2 WHERE seq = 3",
                    "UPDATE audit_records SET seq = 3 WHERE seq = 1000",
                    "INSERT INTO audit_objects SELECT CASE seq WHEN 2 THEN 3 ELSE 2 END, ordinal, api_version, kind, namespace, name, action, status, message FROM moved_objects",
                    "DROP TABLE moved_objects");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(tamper));
        }
    }

    public async Task ExecuteAsync(params string[] statements)
    {
        await using DbConnection connection = postgresConnectionString is not null
            ? new NpgsqlConnection(postgresConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ToString());
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Changes a record and re-chains it and every later one with the unkeyed SHA-256 the old chain used.</summary>
    private async Task RehashFromAsync(long sequence, Func<AuditRecord, AuditRecord> edit)
    {
        var records = await ReadAllAsync();
        var previous = records.Single(r => r.Sequence == sequence - 1).Hash;
        foreach (var original in records.Where(r => r.Sequence >= sequence))
        {
            var changed = (original.Sequence == sequence ? edit(original) : original) with { PreviousHash = previous };
            changed = changed with { Hash = AuditHasher.ComputeUnkeyed(changed) };
            await ExecuteAsync(
                $"UPDATE audit_records SET user_name = '{changed.User}', previous_hash = '{changed.PreviousHash}', hash = '{changed.Hash}' WHERE seq = {changed.Sequence}");
            previous = changed.Hash;
        }
    }

    /// <summary>Inserts a record after the head, linked correctly, hashed with the unkeyed SHA-256.</summary>
    private async Task ForgeAppendAsync()
    {
        var head = (await ReadAllAsync())[^1];
        var forged = head with { Sequence = head.Sequence + 1, User = "mallory", Objects = [], Diff = "", PreviousHash = head.Hash, Hash = "" };
        forged = forged with { Hash = AuditHasher.ComputeUnkeyed(forged) };
        await ExecuteAsync(
            $"""
            INSERT INTO audit_records (seq, ts_us, user_name, groups_json, source_address, cluster_name, operation, dry_run, outcome, diff, previous_hash, hash)
            SELECT {forged.Sequence}, ts_us, 'mallory', groups_json, source_address, cluster_name, operation, dry_run, outcome, '', '{forged.PreviousHash}', '{forged.Hash}'
            FROM audit_records WHERE seq = {head.Sequence}
            """);
    }

    private async Task<IReadOnlyList<AuditRecord>> ReadAllAsync()
    {
        // Opened to verify only with an empty trust: reading needs no key, and nothing is created.
        var trust = new FileAuditTrust(Path.Combine(Path.GetTempPath(), "kubemate-tamper-no-key"), Guid.NewGuid().ToString("n"));
        var options = new AuditStoreOptions { Trust = trust, VerifyOnly = true };
        await using var store = sqlitePath is not null
            ? await SqlAuditStore.OpenSqliteAsync(sqlitePath, options)
            : await SqlAuditStore.OpenPostgresAsync(postgresConnectionString!, options);
        return await store.QueryAsync(AuditQuery.All);
    }
}
