using System.CommandLine;
using System.Text.Json;
using Kubemate.Direct;
using Kubemate.CommandLine;
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
        var resource = PositionalArguments.Create("resource", "Workload kind, optionally with a name: deploy, deploy/web, sts, ds, job, cronjob, rs");
        resource.CompletionSources.Add(["deploy", "sts", "ds", "job", "cronjob", "rs"]);
        resource.Validators.Add(result =>
        {
            var kind = result.Tokens.FirstOrDefault()?.Value.Split('/', 2)[0] ?? "";
            if (!KindAliases.ContainsKey(kind) && !kind.StartsWith('-'))
            {
                result.AddError($"'{kind}' is not a workload kind (deploy, sts, ds, job, cronjob, rs)");
            }
        });
        var common = TelemetryFlags.Create();
        var command = new Command("stat", "Golden metrics per workload (success rate, RPS, latency percentiles), as linkerd viz stat shows them") { resource };
        common.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var parts = (result.GetValue(resource) ?? "").Split('/', 2);
            var kind = KindAliases[parts[0]];
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
    private readonly Option<string?> ns = Flags.Text("--namespace", "Only this namespace (default: all namespaces)", "-n");
    private readonly Option<bool> allNamespaces;
    private readonly Option<TelemetryWindow?> window = Flags.Parsed<TelemetryWindow?>("--window", "Metrics window: 1m (default), 5m, 15m or 1h", ["-t"],
        text => TelemetryWindow.TryParse(text, out var parsed) ? (parsed, null) : (null, $"'{text}' is not one of {string.Join(", ", TelemetryWindow.AllowedNames)}"));
    private readonly Option<string?> output = Flags.Choice("--output", "Output format: table (default) or json", ["table", "json", "wide"], "-o");
    private readonly Option<Uri?> server = Flags.Url("--server", "URL of a running kubemate serve (default: KUBEMATE_SERVER)");
    private readonly Option<string?> token = Flags.Text("--token", "Bearer token for the server (default: KUBEMATE_TOKEN)");
    private readonly Option<Uri?> prometheus = Flags.Url("--prometheus", "Read straight from this Prometheus/Thanos URL instead of a server");

    private TelemetryFlags()
    {
        allNamespaces = AllNamespaces.Create(ns);
        window.CompletionSources.Add([.. TelemetryWindow.AllowedNames]);
        window.HelpName = string.Join("|", TelemetryWindow.AllowedNames);
    }

    public static TelemetryFlags Create() => new();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { ns, allNamespaces, window, output, server, token, prometheus })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// Queries the telemetry source the flags choose, and prints the answer's warnings, then the rows
    /// <paramref name="select"/> keeps as JSON or as the table. Exit code 2 for bad flags, 1 when telemetry is unavailable.
    /// </summary>
    public async Task<int> RunAsync<T>(ParseResult result, string commandName,
        Func<CliTelemetrySource, string?, TelemetryWindow, CancellationToken, Task<TelemetryResult<IReadOnlyList<T>>>> query,
        Func<IReadOnlyList<T>, IReadOnlyList<T>> select, string none, Func<IReadOnlyList<T>, string?, string> table, CancellationToken cancellationToken)
    {
        var writer = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        var json = (result.GetValue(output) ?? "table") == "json";
        var scope = result.GetValue(allNamespaces) ? null : result.GetValue(ns);
        using var http = new HttpClient();
        var (source, problem) = CliTelemetrySource.Resolve(http, result.GetValue(server)?.ToString(), result.GetValue(token), result.GetValue(prometheus)?.ToString(), Environment.GetEnvironmentVariable);
        if (source is null)
        {
            var colon = problem!.IndexOf(": ", StringComparison.Ordinal);
            return UsageReport.Write(error, commandName, colon > 0 ? problem[..colon] : "--server", colon > 0 ? problem[(colon + 2)..] : problem);
        }
        var answer = await query(source, scope, result.GetValue(window) ?? TelemetryWindow.OneMinute, cancellationToken);
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
        await writer.WriteAsync(json
            ? JsonSerializer.Serialize(rows, TelemetryJson.Options) + Environment.NewLine
            : rows.Count == 0 ? none + Environment.NewLine : table(rows, scope));
        return 0;
    }
}
