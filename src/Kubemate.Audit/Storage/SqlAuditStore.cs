using System.Runtime.CompilerServices;
using Kubemate.Audit.Export;
using Kubemate.Audit.Hashing;
using Kubemate.Audit.Validation;

namespace Kubemate.Audit.Storage;

/// <summary>The audit store over SQLite or PostgreSQL: same schema, same SQL, only connecting and locking differ.</summary>
public sealed class SqlAuditStore : IAuditStore
{
    private const int PageSize = 500;

    private readonly IAuditDatabase database;
    private readonly TimeProvider time;

    // Appends from this process queue here instead of all waiting on the database lock.
    private readonly SemaphoreSlim appendGate = new(1, 1);

    private SqlAuditStore(IAuditDatabase database, TimeProvider time, IReadOnlyList<int> migrationsApplied)
    {
        this.database = database;
        this.time = time;
        MigrationsAppliedAtOpen = migrationsApplied;
    }

    /// <summary>Where the records live, for messages (never includes a password).</summary>
    public string Description => database.Description;

    /// <summary>Schema versions this open applied; empty when the database was already current.</summary>
    public IReadOnlyList<int> MigrationsAppliedAtOpen { get; }

    /// <summary>Opens (creating if needed) a SQLite file and applies pending migrations.</summary>
    public static async Task<SqlAuditStore> OpenSqliteAsync(string path, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        var database = new SqliteAuditDatabase(path);
        await database.UseWriteAheadLogAsync(cancellationToken);
        return await OpenAsync(database, time ?? TimeProvider.System, cancellationToken);
    }

    /// <summary>Connects with an Npgsql connection string and applies pending migrations.</summary>
    public static Task<SqlAuditStore> OpenPostgresAsync(string connectionString, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return OpenAsync(new PostgresAuditDatabase(connectionString), time ?? TimeProvider.System, cancellationToken);
    }

    private static async Task<SqlAuditStore> OpenAsync(IAuditDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            var applied = await AuditMigrator.ApplyAsync(database, time, cancellationToken);
            return new SqlAuditStore(database, time, applied);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        AuditEntryValidator.ThrowIfInvalid(entry);
        await appendGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await database.BeginLockedTransactionAsync(connection, cancellationToken);
            var head = await ReadHeadAsync(connection, transaction, cancellationToken);
            var record = new AuditRecord
            {
                Sequence = (head?.Sequence ?? 0) + 1,
                Timestamp = AuditTime.Truncate(time.GetUtcNow()),
                User = entry.User,
                Groups = [.. entry.Groups],
                SourceAddress = entry.SourceAddress,
                Cluster = entry.Cluster,
                Operation = entry.Operation,
                DryRun = entry.DryRun,
                Outcome = entry.Outcome,
                Objects = [.. entry.Objects],
                Diff = entry.Diff,
                PreviousHash = head?.Hash ?? AuditChain.GenesisHash,
                Hash = "",
            };
            record = record with { Hash = AuditHasher.Compute(record) };
            await AuditRecordRows.InsertAsync(connection, transaction, record, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return record;
        }
        finally
        {
            appendGate.Release();
        }
    }

    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var records = new List<AuditRecord>();
        await foreach (var record in StreamAsync(query, cancellationToken))
        {
            records.Add(record);
        }
        return records;
    }

    public async Task<long> ExportJsonLinesAsync(TextWriter writer, AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        long written = 0;
        await foreach (var record in StreamAsync(query, cancellationToken))
        {
            await writer.WriteAsync(AuditJsonLines.Serialize(record).AsMemory(), cancellationToken);
            await writer.WriteAsync('\n');
            written++;
        }
        await writer.FlushAsync(cancellationToken);
        return written;
    }

    public async Task<AuditVerificationReport> VerifyAsync(AuditHead? anchor = null, CancellationToken cancellationToken = default)
    {
        var verifier = new AuditChainVerifier(anchor);
        long? cursor = null;
        while (true)
        {
            IReadOnlyList<StoredRecord> page;
            await using (var connection = await database.OpenConnectionAsync(cancellationToken))
            await using (var select = AuditQuerySql.Page(connection, AuditQuery.All, cursor, PageSize))
            {
                page = await AuditRecordRows.ReadAsync(connection, select, cancellationToken);
            }
            foreach (var stored in page)
            {
                if (!verifier.Accept(stored))
                {
                    return verifier.Report();
                }
            }
            if (page.Count < PageSize)
            {
                return verifier.Finish();
            }
            cursor = page[^1].Sequence;
        }
    }

    public async Task<AuditHead?> HeadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await ReadHeadAsync(connection, null, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        appendGate.Dispose();
    }

    private async IAsyncEnumerable<AuditRecord> StreamAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ValidateQuery(query);
        long remaining = query.Limit ?? long.MaxValue;
        long? cursor = null;
        while (remaining > 0)
        {
            var size = (int)Math.Min(PageSize, remaining);
            IReadOnlyList<StoredRecord> page;
            await using (var connection = await database.OpenConnectionAsync(cancellationToken))
            await using (var select = AuditQuerySql.Page(connection, query, cursor, size))
            {
                page = await AuditRecordRows.ReadAsync(connection, select, cancellationToken);
            }
            foreach (var stored in page)
            {
                yield return stored.Record
                    ?? throw new InvalidDataException($"audit record {stored.Sequence} is unreadable ({stored.Problem}); run audit verify");
            }
            if (page.Count < size)
            {
                yield break;
            }
            remaining -= page.Count;
            cursor = page[^1].Sequence;
        }
    }

    private static void ValidateQuery(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new List<AuditFieldError>();
        if (query.Limit is < 0)
        {
            errors.Add(new AuditFieldError("limit", "must not be negative"));
        }
        if (query.From is { } from && query.To is { } to && to < from)
        {
            errors.Add(new AuditFieldError("to", "must not be before from"));
        }
        if (errors.Count > 0)
        {
            throw new AuditValidationException(errors, "audit query");
        }
    }

    private static async Task<AuditHead?> ReadHeadAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(connection, transaction, "SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new AuditHead(reader.GetInt64(0), reader.GetString(1)) : null;
    }
}
