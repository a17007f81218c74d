using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Audit;
using Kubemate.Audit.Export;
using Kubemate.Direct;
using Kubemate.Direct.Terminal;
using Kubemate.CommandLine;
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
        var ns = Flags.Text("--namespace", "Only records that touched an object in this namespace (default: all namespaces)", "-n");
        var allNamespaces = AllNamespaces.Create(ns);
        var since = Flags.Parsed<DateTimeOffset?>("--since", "Only records since a duration ago (30m, 1h, 7d) or a time (2026-11-25T10:00:00Z)", [], ReadSince);
        var limit = Flags.Integer("--limit", "At most this many records, the newest (1-10000)", 1, 10_000);
        var output = Flags.Choice("--output", "Output: table (default), json or jsonl (one record per line, with its hashes)", ["table", "json", "jsonl"], "-o");
        var command = new Command("audit", "List the audit trail of changes made through Kubemate") { user, ns, allNamespaces, since, limit, output };
        connection.AddTo(command);
        command.Subcommands.Add(VerifyCommand(connection));
        command.SetAction((result, cancellationToken) =>
        {
            var flags = new FlagReader(result);
            var query = new AuditQuery
            {
                User = flags.Value(user),
                Namespace = flags.Value(ns),
                From = flags.Value(since),
                Limit = flags.Value(limit),
                Descending = true,
            };
            var format = flags.Text(output, "table");
            var open = BackendChoice.Read(flags, connection);
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
        var output = Flags.Choice("--output", "Output: text (default) or json", ["text", "json"], "-o");
        var command = new Command("verify", "Re-hash the whole audit chain; exit 1 when a record was edited, removed or is unreadable") { output };
        command.SetAction((result, cancellationToken) =>
        {
            var flags = new FlagReader(result);
            var json = flags.Text(output, "text") == "json";
            var open = BackendChoice.Read(flags, connection);
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

    private static (DateTimeOffset? Value, string? Problem) ReadSince(string text)
    {
        var time = SinceValue.TryParse(text, DateTimeOffset.UtcNow, out var problem);
        return (time, problem);
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
