using System.Data.Common;
using System.Text;
using System.Text.Json;
using Kubemate.Audit.Hashing;

namespace Kubemate.Audit.Storage;

/// <summary>Writes records to and rebuilds them from audit_records and audit_objects.</summary>
internal static class AuditRecordRows
{
    public const string RecordColumns =
        "r.seq, r.ts_us, r.user_name, r.groups_json, r.source_address, r.cluster_name, r.operation, r.dry_run, r.outcome, r.diff, r.previous_hash, r.hash";

    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, AuditRecord record, CancellationToken cancellationToken)
    {
        await SqlCommands.ExecuteAsync(connection, transaction,
            """
            INSERT INTO audit_records (seq, ts_us, user_name, groups_json, source_address, cluster_name, operation, dry_run, outcome, diff, previous_hash, hash)
            VALUES (@seq, @ts, @user, @groups, @source, @cluster, @operation, @dryRun, @outcome, @diff, @previousHash, @hash)
            """,
            cancellationToken,
            ("seq", record.Sequence), ("ts", AuditTime.ToMicroseconds(record.Timestamp)), ("user", record.User),
            ("groups", JsonSerializer.Serialize(record.Groups)), ("source", record.SourceAddress), ("cluster", record.Cluster),
            ("operation", record.Operation), ("dryRun", record.DryRun), ("outcome", AuditCanonicalForm.OutcomeName(record.Outcome)),
            ("diff", record.Diff), ("previousHash", record.PreviousHash), ("hash", record.Hash));

        for (var i = 0; i < record.Objects.Count; i++)
        {
            var o = record.Objects[i];
            await SqlCommands.ExecuteAsync(connection, transaction,
                """
                INSERT INTO audit_objects (seq, ordinal, api_version, kind, namespace, name, action, status, message)
                VALUES (@seq, @ordinal, @apiVersion, @kind, @namespace, @name, @action, @status, @message)
                """,
                cancellationToken,
                ("seq", record.Sequence), ("ordinal", i), ("apiVersion", o.ApiVersion), ("kind", o.Kind), ("namespace", o.Namespace),
                ("name", o.Name), ("action", o.Action), ("status", o.Status), ("message", o.Message));
        }
    }

    /// <summary>Reads the records a SELECT of <see cref="RecordColumns"/> returns, then their objects.</summary>
    public static async Task<IReadOnlyList<StoredRecord>> ReadAsync(DbConnection connection, DbCommand recordSelect, CancellationToken cancellationToken)
    {
        var rows = new List<(long Sequence, Func<IReadOnlyList<AuditObjectChange>, AuditRecord>? Build, string? Problem)>();
        await using (var reader = await recordSelect.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var sequence = reader.GetInt64(0);
                try
                {
                    rows.Add((sequence, ReadRecordRow(reader), null));
                }
                catch (Exception e) when (e is FormatException or JsonException or InvalidCastException or OverflowException)
                {
                    rows.Add((sequence, null, e.Message));
                }
            }
        }
        if (rows.Count == 0)
        {
            return [];
        }

        var objects = await ReadObjectsAsync(connection, rows.Select(r => r.Sequence).ToList(), cancellationToken);
        return rows.Select(r => r.Build is null
            ? new StoredRecord(r.Sequence, null, r.Problem)
            : new StoredRecord(r.Sequence, r.Build(objects.TryGetValue(r.Sequence, out var changes) ? changes : []), null)).ToList();
    }

    private static Func<IReadOnlyList<AuditObjectChange>, AuditRecord> ReadRecordRow(DbDataReader reader)
    {
        var sequence = reader.GetInt64(0);
        var timestamp = AuditTime.FromMicroseconds(reader.GetInt64(1));
        var user = reader.GetString(2);
        var groups = JsonSerializer.Deserialize<string[]>(reader.GetString(3)) ?? throw new FormatException("groups_json is null");
        if (groups.Any(g => g is null))
        {
            throw new FormatException("groups_json holds a null group");
        }
        var source = reader.GetString(4);
        var cluster = reader.GetString(5);
        var operation = reader.GetString(6);
        var dryRun = reader.GetBoolean(7);
        var outcome = AuditCanonicalForm.ParseOutcome(reader.GetString(8));
        var diff = reader.GetString(9);
        var previousHash = reader.GetString(10);
        var hash = reader.GetString(11);
        return changes => new AuditRecord
        {
            Sequence = sequence,
            Timestamp = timestamp,
            User = user,
            Groups = groups,
            SourceAddress = source,
            Cluster = cluster,
            Operation = operation,
            DryRun = dryRun,
            Outcome = outcome,
            Objects = changes,
            Diff = diff,
            PreviousHash = previousHash,
            Hash = hash,
        };
    }

    private static async Task<Dictionary<long, List<AuditObjectChange>>> ReadObjectsAsync(
        DbConnection connection, IReadOnlyList<long> sequences, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("SELECT seq, ordinal, api_version, kind, namespace, name, action, status, message FROM audit_objects WHERE seq IN (");
        var parameters = new (string, object?)[sequences.Count];
        for (var i = 0; i < sequences.Count; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append("@s").Append(i);
            parameters[i] = ("s" + i, sequences[i]);
        }
        sql.Append(") ORDER BY seq, ordinal");

        var bySequence = new Dictionary<long, List<AuditObjectChange>>();
        await using var command = SqlCommands.Create(connection, null, sql.ToString(), parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var sequence = reader.GetInt64(0);
            if (!bySequence.TryGetValue(sequence, out var list))
            {
                bySequence[sequence] = list = [];
            }
            list.Add(new AuditObjectChange(
                reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5),
                reader.GetString(6), reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return bySequence;
    }
}
