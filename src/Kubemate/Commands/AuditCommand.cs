using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Audit;
using Kubemate.Audit.Export;
using Kubemate.Direct;
using Kubemate.Direct.Terminal;
using Kubemate.Modeling.Families;
using Kubemate.Remote;

namespace Kubemate.Commands;

/// <summary>
/// <c>kubemate audit</c> lists the audit trail (who changed what, when, with what outcome); <c>kubemate audit verify</c>
/// re-hashes the chain and exits 1 when it is broken. Direct mode reads the local store, server mode the REST API.
/// </summary>
public static class AuditCommand
{
    private const string CommandName = "kubemate audit";

    public static Command Create()
    {
        var connection = new ConnectionFlags();
        var user = Flags.Text("--user", "Only records of this user");
        var ns = Flags.Text("--namespace", "Only records that touched an object in this namespace", "-n");
        var since = Flags.Text("--since", "Only records since a duration ago (30m, 1h, 7d) or a time (2026-11-25T10:00:00Z)");
        var limit = Flags.Text("--limit", "At most this many records, the newest (1-10000)");
        var output = Flags.Text("--output", "Output: table (default), json or jsonl (one record per line, with its hashes)", "-o");
        var command = new Command("audit", "List the audit trail of changes made through Kubemate") { user, ns, since, limit, output };
        connection.AddTo(command);
        command.TreatUnmatchedTokensAsErrors = false;
        command.Subcommands.Add(VerifyCommand(connection));
        command.SetAction((result, cancellationToken) =>
        {
            var flags = new FlagReader(result);
            var query = new AuditQuery
            {
                User = flags.Text(user),
                Namespace = flags.Text(ns),
                From = ReadSince(flags, since),
                Limit = flags.Integer(limit, 1, 10_000),
                Descending = true,
            };
            var format = flags.OneOf(output, ["table", "json", "jsonl"], "table")!;
            var open = BackendChoice.Read(flags, connection);
            flags.RejectUnmatched();
            var error = result.InvocationConfiguration.Error;
            if (flags.Problems.Count > 0 || open is null)
            {
                return Task.FromResult(UsageReport.Write(error, CommandName, flags.Problems));
            }
            var writer = result.InvocationConfiguration.Output;
            return OperationRun.WithBackendAsync(error, CommandName, open, async backend =>
            {
                var records = (await backend.QueryAuditAsync(query, cancellationToken)).OrderBy(r => r.Sequence).ToList();
                WriteRecords(writer, records, format);
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static Command VerifyCommand(ConnectionFlags connection)
    {
        var output = Flags.Text("--output", "Output: text (default) or json", "-o");
        var command = new Command("verify", "Re-hash the whole audit chain; exit 1 when a record was edited, removed or is unreadable") { output };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, cancellationToken) =>
        {
            var flags = new FlagReader(result);
            var json = flags.OneOf(output, ["text", "json"], "text") == "json";
            var open = BackendChoice.Read(flags, connection);
            flags.RejectUnmatched();
            var error = result.InvocationConfiguration.Error;
            if (flags.Problems.Count > 0 || open is null)
            {
                return Task.FromResult(UsageReport.Write(error, "kubemate audit verify", flags.Problems));
            }
            var writer = result.InvocationConfiguration.Output;
            return OperationRun.WithBackendAsync(error, "kubemate audit verify", open, async backend =>
            {
                var report = await backend.VerifyAuditAsync(cancellationToken);
                if (json)
                {
                    writer.WriteLine(JsonSerializer.Serialize(report, ServerJson.Options));
                }
                else if (report.FirstBreak is { } broken)
                {
                    writer.WriteLine($"audit chain BROKEN at record {broken.Sequence} ({broken.Kind}): {broken.Message}");
                    writer.WriteLine($"{report.RecordsChecked} records checked");
                }
                else
                {
                    writer.WriteLine($"audit chain intact: {report.RecordsChecked} records checked"
                        + (report.Head is { } head ? $", head {head.Sequence} {head.Hash}" : ", the trail is empty"));
                }
                writer.Flush();
                return report.IsValid ? ExitCodes.Ok : ExitCodes.Failed;
            });
        });
        return command;
    }

    private static DateTimeOffset? ReadSince(FlagReader flags, Option<string?> option)
    {
        if (flags.Text(option) is not { } text)
        {
            return null;
        }
        var time = SinceValue.TryParse(text, DateTimeOffset.UtcNow, out var problem);
        if (problem is not null)
        {
            flags.Problems.Add(new(option.Name, problem));
        }
        return time;
    }

    private static void WriteRecords(TextWriter output, IReadOnlyList<AuditRecord> records, string format)
    {
        switch (format)
        {
            case "jsonl":
                foreach (var record in records)
                {
                    output.WriteLine(AuditJsonLines.Serialize(record));
                }
                break;
            case "json":
                var array = new JsonArray(records.Select(r => JsonNode.Parse(AuditJsonLines.Serialize(r))).ToArray());
                output.WriteLine(array.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                break;
            default:
                var table = new TextTable("SEQ", "TIME", "USER", "OPERATION", "OUTCOME", "OBJECTS");
                foreach (var record in records)
                {
                    table.Add(
                        record.Sequence.ToString(CultureInfo.InvariantCulture),
                        record.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                        record.User,
                        record.Operation + (record.DryRun ? " (dry run)" : ""),
                        record.Outcome.ToString().ToLowerInvariant(),
                        Objects(record.Objects));
                }
                table.Write(output);
                break;
        }
        output.Flush();
    }

    private static string Objects(IReadOnlyList<AuditObjectChange> objects)
    {
        if (objects.Count == 0)
        {
            return "-";
        }
        var first = objects[0];
        var name = $"{first.Kind.ToLowerInvariant()}/{(first.Namespace is null ? "" : first.Namespace + "/")}{first.Name}";
        return objects.Count == 1 ? name : $"{name} (+{objects.Count - 1} more)";
    }
}
