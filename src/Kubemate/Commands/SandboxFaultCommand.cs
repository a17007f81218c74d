using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Http;
using Kubemate.CommandLine;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Simulation.Traffic;

namespace Kubemate.Commands;

/// <summary>
/// <c>kubemate sandbox fault set|scenario|list|clear</c>: the traffic simulator's fault knobs (TrafficFault objects),
/// through the Kubernetes API of the kubeconfig's cluster, as kubectl would. See docs/traffic-simulator.md.
/// </summary>
public static class SandboxFaultCommand
{
    public static Command Create()
    {
        var kubeconfig = Flags.File("--kubeconfig", "The kubeconfig to use (default: KUBECONFIG, then ~/.kube/config)").Recursive();
        var context = Flags.Text("--context", "The kubeconfig context to use (default: its current context)").Recursive();
        var command = new Command("fault", "Inject traffic faults into the sandbox's simulated traffic: latency, errors, crashes, load")
        {
            kubeconfig, context,
        };
        command.Subcommands.Add(SetCommand(kubeconfig, context));
        command.Subcommands.Add(ScenarioCommand(kubeconfig, context));
        command.Subcommands.Add(ListCommand(kubeconfig, context));
        command.Subcommands.Add(ClearCommand(kubeconfig, context));
        return command;
    }

    private static Command SetCommand(Option<FileInfo?> kubeconfig, Option<string?> context)
    {
        var ns = NamespaceOption();
        var workload = PositionalArguments.Create("workload", "The Deployment or StatefulSet (pods labelled app=WORKLOAD count too)");
        var version = Flags.Text("--version", "Only the workload's pods with this `version` label");
        var p50 = Duration("--latency-p50", "Median response latency, e.g. 50ms");
        var p99 = Duration("--latency-p99", "99th percentile response latency, e.g. 2s");
        var errorRate = Flags.Number("--error-rate", "Fraction of requests answered with HTTP 500 / gRPC UNAVAILABLE, 0..1", 0, 1);
        var latencyFactor = Flags.Number("--latency-factor", "Multiply the workload's response latency, e.g. 2 doubles it", 0);
        var crash = Flags.Switch("--crash", "Restart the workload's containers (once per change of the fault)");
        var crashLoop = Flags.Switch("--crash-loop", "Make the workload's containers crash-loop (not ready) until the fault is cleared");
        var multiplier = Flags.Number("--traffic-multiplier", "Scale the traffic sent to the workload, e.g. 3", 0);
        var name = Flags.Text("--name", "The TrafficFault's name (default: WORKLOAD or WORKLOAD-VERSION)");
        var command = new Command("set", "Create or change a traffic fault on a workload")
        {
            ns, workload, version, p50, p99, latencyFactor, errorRate, crash, crashLoop, multiplier, name,
        };
        command.Validators.Add(result =>
        {
            var (median, tail) = (result.GetResult(p50), result.GetResult(p99));
            if ((median is null) != (tail is null))
            {
                result.AddError(median is null ? "--latency-p50: is required with --latency-p99" : "--latency-p99: is required with --latency-p50");
            }
        });
        command.SetAction((result, cancellationToken) => Run(result, kubeconfig, context, async client =>
        {
            var latency = (result.GetValue(p50), result.GetValue(p99)) is ({ } median, { } tail) ? new LatencyDistribution(median, tail) : null;
            var target = result.GetValue(workload)!;
            var fault = new TrafficFault(
                result.GetValue(ns) ?? "default",
                result.GetValue(name) ?? (result.GetValue(version) is { } v ? $"{target}-{v}" : target),
                target,
                result.GetValue(version),
                latency,
                result.GetValue(errorRate),
                result.GetValue(crash),
                result.GetValue(multiplier),
                result.GetValue(latencyFactor),
                result.GetValue(crashLoop));
            var applied = await client.SetAsync(fault, cancellationToken);
            Console.Out.WriteLine($"trafficfault {applied.Namespace()}/{applied.Name()} applied");
        }));
        return command;
    }

    private static Command ScenarioCommand(Option<FileInfo?> kubeconfig, Option<string?> context)
    {
        string[] names = [.. TrafficScenarios.All.Select(s => s.Name)];
        var scenario = PositionalArguments.Create("scenario", string.Join(", ", names));
        scenario.CompletionSources.Add(names);
        scenario.Validators.Add(result =>
        {
            if (result.Tokens.FirstOrDefault()?.Value is { } given && !given.StartsWith('-') && !names.Contains(given, StringComparer.Ordinal))
            {
                result.AddError($"'{given}' is not a scenario (one of {string.Join(", ", names)})");
            }
        });
        var command = new Command("scenario", "Run a named fault scenario: " + string.Join("; ", TrafficScenarios.All.Select(s => $"{s.Name}: {s.Description}"))) { scenario };
        command.SetAction((result, cancellationToken) => Run(result, kubeconfig, context, async client =>
        {
            foreach (var line in await client.RunScenarioAsync(result.GetValue(scenario)!, cancellationToken))
            {
                Console.Out.WriteLine(line);
            }
        }));
        return command;
    }

    private static Command ListCommand(Option<FileInfo?> kubeconfig, Option<string?> context)
    {
        var ns = Flags.Text("--namespace", "Only this namespace (default: all namespaces)", "-n");
        var output = Flags.Choice("--output", "table (default), json or yaml", ["table", "json", "yaml"], "-o");
        var command = new Command("list", "List the traffic faults") { ns, AllNamespaces.Create(ns), output };
        command.SetAction((result, cancellationToken) => Run(result, kubeconfig, context, async client =>
        {
            var faults = await client.ListAsync(result.GetValue(ns), cancellationToken);
            switch (result.GetValue(output))
            {
                case "json":
                    Console.Out.WriteLine(new JsonArray([.. faults.Select(f => (JsonNode)f.DeepClone())]).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                    break;
                case "yaml":
                    Console.Out.Write(YamlJson.SerializeDocuments(faults));
                    break;
                default:
                    WriteTable(faults);
                    break;
            }
        }));
        return command;
    }

    private static Command ClearCommand(Option<FileInfo?> kubeconfig, Option<string?> context)
    {
        var ns = Flags.Text("--namespace", "The namespace (default: all namespaces with --all, else default)", "-n");
        var allNamespaces = AllNamespaces.Create(ns);
        var name = Flags.Text("--name", "The fault to delete");
        var all = Flags.Switch("--all", "Delete every fault (of the namespace, when given)");
        var command = new Command("clear", "Delete traffic faults; traffic returns to normal within one tick") { ns, allNamespaces, name, all };
        command.Validators.Add(result =>
        {
            if ((result.GetResult(name) is null) != result.GetValue(all))
            {
                result.AddError("--name: give exactly one: a fault's name, or --all");
            }
            else if (result.GetResult(name) is { } given && result.GetValue(allNamespaces))
            {
                given.AddError("names one fault in one namespace: give -n, not -A");
            }
        });
        command.SetAction((result, cancellationToken) => Run(result, kubeconfig, context, async client =>
        {
            var deleted = await client.ClearAsync(result.GetValue(ns), result.GetValue(name), result.GetValue(all), cancellationToken);
            Console.Out.WriteLine(deleted.Count == 0 ? "no traffic faults" : string.Join('\n', deleted.Select(d => $"trafficfault {d} deleted")));
        }));
        return command;
    }

    private static Option<string?> NamespaceOption() => Flags.Text("--namespace", "The workload's namespace (default: default)", "-n");

    private static Option<double?> Duration(string name, string description) =>
        Flags.Parsed<double?>(name, description, [], text => GoDuration.TryParseMs(text) is { } ms ? (ms, null) : (null, $"'{text}' is not a duration (for example 50ms or 2s)"));

    private static Task<int> Run(ParseResult result, Option<FileInfo?> kubeconfig, Option<string?> context, Func<TrafficFaultClient, Task> action) =>
        RunAsync(result, kubeconfig, context, api => action(new TrafficFaultClient(api)));

    /// <summary>Runs an action over the kubeconfig's cluster; bad input and API errors print <c>error: …</c> and exit 1.</summary>
    internal static async Task<int> RunAsync(ParseResult result, Option<FileInfo?> kubeconfig, Option<string?> context, Func<IFaultApi, Task> action)
    {
        try
        {
            var connection = await ClusterConnection.FromKubeconfigAsync(result.GetValue(kubeconfig)?.FullName, result.GetValue(context));
            using var api = connection.CreateApi();
            await action(new ClusterFaultApi(api));
            return 0;
        }
        catch (Exception ex) when (ex is FaultInputException or ClusterApiException or ArgumentException or FileNotFoundException or HttpRequestException)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
    }

    private static void WriteTable(IReadOnlyList<JsonObject> faults)
    {
        if (faults.Count == 0)
        {
            Console.Out.WriteLine("no traffic faults");
            return;
        }
        var rows = new List<string[]> { new[] { "NAMESPACE", "NAME", "WORKLOAD", "VERSION", "LATENCY P50/P99", "LATENCY FACTOR", "ERROR RATE", "CRASH", "MULTIPLIER" } };
        foreach (var item in faults)
        {
            var fault = TrafficFault.FromObject(item);
            rows.Add(
            [
                fault.Namespace, fault.Name, fault.Workload, fault.Version ?? "-",
                fault.Latency is { } l ? $"{l.P50Ms.ToString(CultureInfo.InvariantCulture)}ms/{l.P99Ms.ToString(CultureInfo.InvariantCulture)}ms" : "-",
                fault.LatencyFactor?.ToString(CultureInfo.InvariantCulture) ?? "-",
                fault.ErrorRate?.ToString(CultureInfo.InvariantCulture) ?? "-",
                (fault.Crash, fault.CrashLoop) switch { (true, true) => "yes, loop", (true, false) => "yes", (false, true) => "loop", _ => "-" },
                fault.TrafficMultiplier?.ToString(CultureInfo.InvariantCulture) ?? "-",
            ]);
        }
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            Console.Out.WriteLine(string.Join("   ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }
    }
}
