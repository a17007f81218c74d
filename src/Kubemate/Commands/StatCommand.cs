using System.CommandLine;
using System.Text.Json;
using Kubemate.Telemetry;
using Kubemate.Telemetry.Cli;
using Kubemate.Telemetry.Golden;

namespace Kubemate.Commands;

/// <summary>
/// <c>kubemate stat deploy[/NAME] [-n NS] [--window 1m] [-o json]</c>: inbound golden metrics per workload in the
/// columns of <c>linkerd viz stat</c>, from a running <c>kubemate serve</c> or straight from Prometheus.
/// </summary>
public static class StatCommand
{
    private static readonly Dictionary<string, string> KindAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["deploy"] = "deployment", ["deployment"] = "deployment", ["deployments"] = "deployment",
        ["sts"] = "statefulset", ["statefulset"] = "statefulset", ["statefulsets"] = "statefulset",
        ["ds"] = "daemonset", ["daemonset"] = "daemonset", ["daemonsets"] = "daemonset",
        ["job"] = "job", ["jobs"] = "job", ["cj"] = "cronjob", ["cronjob"] = "cronjob", ["cronjobs"] = "cronjob",
        ["rs"] = "replicaset", ["replicaset"] = "replicaset", ["replicasets"] = "replicaset",
    };

    public static Command Create()
    {
        var resource = new Argument<string>("resource") { Description = "Workload kind, optionally with a name: deploy, deploy/web, sts, ds, job, cronjob, rs" };
        var common = TelemetryFlags.Create();
        var command = new Command("stat", "Golden metrics per workload (success rate, RPS, latency percentiles), as linkerd viz stat shows them") { resource };
        common.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var error = result.InvocationConfiguration.Error;
            var text = result.GetValue(resource) ?? "";
            var parts = text.Split('/', 2);
            if (!KindAliases.TryGetValue(parts[0], out var kind))
            {
                await error.WriteLineAsync($"kubemate stat: resource: \"{parts[0]}\" is not a workload kind (deploy, sts, ds, job, cronjob, rs)");
                return 2;
            }
            return await common.RunAsync(result, "kubemate stat", (source, ns, window, ct) => source.WorkloadsAsync(ns, window, ct),
                stats => stats.Where(r => r.Workload.Kind == kind && (parts.Length == 1 || r.Workload.Name == parts[1])).ToList(),
                $"No traffic or workloads of kind {kind} found.", (rows, ns) => StatTables.Stat(rows, withNamespace: ns is null), cancellationToken);
        });
        return command;
    }
}

/// <summary>The flags <c>stat</c> and <c>edges</c> share: namespace, window, output, and where telemetry comes from.</summary>
internal sealed class TelemetryFlags
{
    private readonly Option<string> ns = new("--namespace", "-n") { Description = "Only this namespace (default: all namespaces)" };
    private readonly Option<string> window = new("--window", "-t") { Description = "Metrics window: 1m, 5m, 15m or 1h", DefaultValueFactory = _ => "1m" };
    private readonly Option<string> output = new("--output", "-o") { Description = "Output format: table (default) or json" };
    private readonly Option<string> server = new("--server") { Description = "URL of a running kubemate serve (default: KUBEMATE_SERVER)" };
    private readonly Option<string> token = new("--token") { Description = "Bearer token for the server (default: KUBEMATE_TOKEN)" };
    private readonly Option<string> prometheus = new("--prometheus") { Description = "Read straight from this Prometheus/Thanos URL instead of a server" };

    public static TelemetryFlags Create() => new();

    public void AddTo(Command command)
    {
        foreach (var option in new[] { ns, window, output, server, token, prometheus })
        {
            command.Options.Add(option);
        }
    }

    public bool TryRead(ParseResult result, TextWriter error, out (string? Namespace, TelemetryWindow Window, bool Json, string? Server, string? Token, string? Prometheus) flags)
    {
        flags = default;
        var format = result.GetValue(output) ?? "table";
        if (format is not ("table" or "json" or "wide"))
        {
            error.WriteLine($"--output: \"{format}\" is not one of table, json");
            return false;
        }
        if (!TelemetryWindow.TryParse(result.GetValue(window), out var parsed))
        {
            error.WriteLine($"--window: \"{result.GetValue(window)}\" is not one of {string.Join(", ", TelemetryWindow.AllowedNames)}");
            return false;
        }
        flags = (result.GetValue(ns), parsed, format == "json", result.GetValue(server), result.GetValue(token), result.GetValue(prometheus));
        return true;
    }

    /// <summary>
    /// Reads the flags, queries the telemetry source they choose, and prints the answer's warnings, then the rows
    /// <paramref name="select"/> keeps as JSON or as the table. Exit code 2 for bad flags, 1 when telemetry is unavailable.
    /// </summary>
    public async Task<int> RunAsync<T>(ParseResult result, string commandName,
        Func<CliTelemetrySource, string?, TelemetryWindow, CancellationToken, Task<TelemetryResult<IReadOnlyList<T>>>> query,
        Func<IReadOnlyList<T>, IReadOnlyList<T>> select, string none, Func<IReadOnlyList<T>, string?, string> table, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        if (!TryRead(result, error, out var flags))
        {
            return 2;
        }
        using var http = new HttpClient();
        var (source, problem) = CliTelemetrySource.Resolve(http, flags.Server, flags.Token, flags.Prometheus, Environment.GetEnvironmentVariable);
        if (source is null)
        {
            await error.WriteLineAsync($"{commandName}: {problem}");
            return 2;
        }
        var answer = await query(source, flags.Namespace, flags.Window, cancellationToken);
        if (!answer.HasValue)
        {
            await error.WriteLineAsync($"{commandName}: telemetry unavailable ({answer.Unavailable!.Reason}): {answer.Unavailable.Message}");
            return 1;
        }
        var rows = select(answer.Value!);
        foreach (var warning in answer.Warnings)
        {
            await error.WriteLineAsync($"warning: {warning}");
        }
        await output.WriteAsync(flags.Json
            ? JsonSerializer.Serialize(rows, TelemetryJson.Options) + Environment.NewLine
            : rows.Count == 0 ? none + Environment.NewLine : table(rows, flags.Namespace));
        return 0;
    }
}
