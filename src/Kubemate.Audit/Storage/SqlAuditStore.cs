using System.Runtime.CompilerServices;
using Kubemate.Audit.Export;
using Kubemate.Audit.Hashing;
using Kubemate.Audit.Trust;
using Kubemate.Audit.Validation;
using Kubemate.Files;

namespace Kubemate.Audit.Storage;

/// <summary>The audit store over SQLite or PostgreSQL: same schema, same SQL, only connecting and locking differ.</summary>
public sealed class SqlAuditStore : IAuditStore
{
    private const int PageSize = 500;

    private readonly IAuditDatabase database;
    private readonly TimeProvider time;
    private readonly IAuditTrust trust;
    private readonly bool verifyOnly;
    private readonly AuditChainAnchoring? anchoring;
    private AuditKey? key;
    private int disposed;

    // Set when a read-write open found the SQLite file emptied although anchors say it held records: opening re-created
    // the schema in it, so the emptied file is reported from memory for the life of this process.
    private string? emptiedBeforeOpen;

    // Appends from this process queue here instead of all waiting on the database lock; anchoring takes it too.
    private readonly SemaphoreSlim appendGate = new(1, 1);

    private SqlAuditStore(IAuditDatabase database, AuditStoreOptions options, IAuditTrust trust, IReadOnlyList<int> migrationsApplied, long anchoredCount)
    {
        this.database = database;
        time = options.Time ?? TimeProvider.System;
        this.trust = trust;
        verifyOnly = options.VerifyOnly;
        MigrationsAppliedAtOpen = migrationsApplied;
        if (!verifyOnly)
        {
            anchoring = new AuditChainAnchoring(trust, options.Anchoring, time, anchoredCount, CatchUpOnTimerAsync);
        }
    }

    /// <summary>Where the records live, for messages (never includes a password).</summary>
    public string Description => database.Description;

    /// <summary>Schema versions this open applied; empty when the database was already current.</summary>
    public IReadOnlyList<int> MigrationsAppliedAtOpen { get; }

    /// <summary>Opens (creating if needed) a SQLite file and applies pending migrations; the key and anchors sit next to it.</summary>
    public static Task<SqlAuditStore> OpenSqliteAsync(string path, TimeProvider? time = null, CancellationToken cancellationToken = default) =>
        OpenSqliteAsync(path, new AuditStoreOptions { Time = time }, cancellationToken);

    /// <summary>Opens a SQLite file: 0600 in a folder created 0700; with <see cref="AuditStoreOptions.VerifyOnly"/> only an existing one.</summary>
    public static async Task<SqlAuditStore> OpenSqliteAsync(string path, AuditStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var database = new SqliteAuditDatabase(fullPath, create: !options.VerifyOnly);
        var emptied = !options.VerifyOnly && File.Exists(fullPath) && new FileInfo(fullPath).Length == 0;
        if (options.VerifyOnly)
        {
            if (!File.Exists(fullPath))
            {
                throw new AuditStoreNotFoundException($"no audit store at {fullPath}: nothing was verified and nothing was created");
            }
        }
        else
        {
            PrivateFiles.CreateFolder(Path.GetDirectoryName(fullPath)!);
            // Made 0600 before SQLite opens it; SQLite gives its -wal and -shm files the same mode.
            await PrivateFiles.Open(fullPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite).DisposeAsync();
            await database.UseWriteAheadLogAsync(cancellationToken);
        }
        var store = await OpenAsync(database, options, options.Trust ?? FileAuditTrust.NextTo(fullPath), cancellationToken);
        if (emptied && store.anchoring?.AnchoredCount > 0)
        {
            store.emptiedBeforeOpen = $"the audit store file {fullPath} was empty (0 bytes) when Kubemate opened it at "
                + $"{AuditCanonicalForm.FormatTimestamp(store.time.GetUtcNow())}, though the anchors say it held {store.anchoring.AnchoredCount} records; the schema was re-created in it";
        }
        return store;
    }

    /// <summary>Connects with an Npgsql connection string and applies pending migrations; the key and anchors live in the given trust.</summary>
    public static Task<SqlAuditStore> OpenPostgresAsync(string connectionString, AuditStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var trust = options.Trust ?? throw new ArgumentException("a PostgreSQL audit store needs a trust for its key and anchors (AuditStoreOptions.Trust)", nameof(options));
        return OpenAsync(new PostgresAuditDatabase(connectionString), options, trust, cancellationToken);
    }

    private static async Task<SqlAuditStore> OpenAsync(IAuditDatabase database, AuditStoreOptions options, IAuditTrust trust, CancellationToken cancellationToken)
    {
        try
        {
            IReadOnlyList<int> applied = [];
            if (!options.VerifyOnly)
            {
                applied = await AuditMigrator.ApplyAsync(database, options.Time ?? TimeProvider.System, cancellationToken);
            }
            else if (database.CheckPresence() is null && !await AuditMigrator.IsAuditStoreAsync(database, cancellationToken))
            {
                throw new AuditStoreNotFoundException($"no audit store in {database.Description}: it holds no audit tables; nothing was verified and nothing was created");
            }
            var key = await trust.ReadKeyAsync(cancellationToken);
            long anchoredCount = 0;
            if (key is not null)
            {
                var anchors = await AuditAnchorLines.ReadAsync(trust, key, cancellationToken);
                anchoredCount = anchors.Signed.Count == 0 ? 0 : anchors.Signed.Max(a => a.Count);
            }
            var store = new SqlAuditStore(database, options, trust, applied, anchoredCount) { key = key };
            if (!options.VerifyOnly)
            {
                await store.EnsureKeyAsync(cancellationToken);
            }
            return store;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Makes the key on the first open and, for a store kept before keys existed, signs an anchor at its last unkeyed
    /// record so that prefix cannot be rewritten afterwards. Refuses a store whose signed records outlived their key.
    /// </summary>
    private async Task EnsureKeyAsync(CancellationToken cancellationToken)
    {
        if (key is not null)
        {
            return;
        }
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var keyedFrom = await AuditChainKeying.ReadKeyedFromAsync(connection, cancellationToken);
        var head = await ReadHeadAsync(connection, null, cancellationToken);
        if (head is not null && head.Sequence >= keyedFrom)
        {
            throw new InvalidOperationException(
                $"{trust.Description} is missing but {database.Description} holds records {keyedFrom} to {head.Sequence} signed with it: restore the key (see docs/audit.md); a new key would leave them unverifiable");
        }
        key = await trust.CreateKeyAsync(cancellationToken);
        if (head is not null)
        {
            await anchoring!.AnchorAsync(head, key, keyedFrom, cancellationToken);
        }
    }

    public async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        AuditEntryValidator.ThrowIfInvalid(entry);
        if (verifyOnly || key is null)
        {
            throw new InvalidOperationException($"{database.Description} was opened to verify only");
        }
        await appendGate.WaitAsync(cancellationToken);
        try
        {
            AuditRecord record;
            long keyedFrom;
            await using (var connection = await database.OpenConnectionAsync(cancellationToken))
            await using (var transaction = await database.BeginLockedTransactionAsync(connection, cancellationToken))
            {
                var head = await ReadHeadAsync(connection, transaction, cancellationToken);
                keyedFrom = await AuditChainKeying.ReadKeyedFromAsync(connection, cancellationToken, transaction);
                record = new AuditRecord
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
                record = record with { Hash = AuditHasher.Compute(record, key) };
                await AuditRecordRows.InsertAsync(connection, transaction, record, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            await anchoring!.AppendedAsync(new AuditHead(record.Sequence, record.Hash), key, keyedFrom, cancellationToken);
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

    public async Task<AuditVerificationReport> VerifyAsync(CancellationToken cancellationToken = default)
    {
        if ((database.CheckPresence() ?? emptiedBeforeOpen) is { } absent)
        {
            return new AuditVerificationReport(0, null, new AuditChainBreak(0, AuditBreakKind.EmptyStore, absent));
        }
        // Read afresh: a key deleted or swapped since the store opened must show.
        var currentKey = await trust.ReadKeyAsync(cancellationToken);
        long keyedFrom;
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            keyedFrom = await AuditChainKeying.ReadKeyedFromAsync(connection, cancellationToken);
        }
        var anchors = currentKey is null ? new AuditAnchorLines([], null) : await AuditAnchorLines.ReadAsync(trust, currentKey, cancellationToken);
        if (anchors.Signed.FirstOrDefault(a => a.KeyedFrom != keyedFrom) is { } moved)
        {
            return new AuditVerificationReport(0, null, new AuditChainBreak(Math.Min(moved.KeyedFrom, keyedFrom), AuditBreakKind.AnchorMismatch,
                $"the store says records are signed from {keyedFrom} on, but the anchors say from {moved.KeyedFrom}: the switch point to the keyed chain was moved"));
        }

        var verifier = new AuditChainVerifier(currentKey, keyedFrom, anchors.Signed);
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
                    return await ExplainRelinkAsync(verifier.Report(), stored, currentKey, keyedFrom, cancellationToken);
                }
            }
            if (page.Count < PageSize)
            {
                var report = verifier.Finish();
                return report.IsValid && anchors.FirstForgery is { } forged
                    ? report with { FirstBreak = new AuditChainBreak(report.Head?.Sequence ?? 0, AuditBreakKind.AnchorForged, forged) }
                    : report;
            }
            cursor = page[^1].Sequence;
        }
    }

    /// <summary>
    /// A record that verifies under another sequence number was moved, not edited: its content and signature are
    /// intact, only its place changed. Tried once, at the break, over every place the trail has.
    /// </summary>
    private async Task<AuditVerificationReport> ExplainRelinkAsync(AuditVerificationReport report, StoredRecord stored, AuditKey? currentKey, long keyedFrom,
        CancellationToken cancellationToken)
    {
        if (report.FirstBreak is not { Kind: AuditBreakKind.PreviousHashMismatch } broken || stored.Record is not { } record)
        {
            return report;
        }
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var last = SqlCommands.Create(connection, null, "SELECT COALESCE(MAX(seq), 0) FROM audit_records");
        var count = Convert.ToInt64(await last.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        for (var place = 1L; place <= count; place++)
        {
            var there = record with { Sequence = place };
            var hash = place < keyedFrom ? AuditHasher.ComputeUnkeyed(there) : currentKey is null ? null : AuditHasher.Compute(there, currentKey);
            if (place != record.Sequence && hash == record.Hash)
            {
                return report with
                {
                    FirstBreak = broken with
                    {
                        Kind = AuditBreakKind.Reordered,
                        Message = $"the record stored as {record.Sequence} was signed as record {place}: records were reordered",
                    },
                };
            }
        }
        return report;
    }

    public async Task<AuditHead?> HeadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await ReadHeadAsync(connection, null, cancellationToken);
    }

    /// <summary>A clean shutdown: anchors what this process appended since the last anchor, then closes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }
        try
        {
            if (anchoring is not null)
            {
                await anchoring.DisposeAsync();
                await CatchUpAsync(CancellationToken.None);
            }
        }
        finally
        {
            await database.DisposeAsync();
            appendGate.Dispose();
        }
    }

    private async Task CatchUpOnTimerAsync() => await CatchUpAsync(CancellationToken.None);

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await appendGate.WaitAsync(cancellationToken);
        try
        {
            await anchoring!.CatchUpAsync(key, cancellationToken);
        }
        finally
        {
            appendGate.Release();
        }
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
