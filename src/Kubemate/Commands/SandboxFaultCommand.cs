using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Http;
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
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "The kubeconfig to use (default: KUBECONFIG, then ~/.kube/config)", Recursive = true };
        var context = new Option<string?>("--context") { Description = "The kubeconfig context to use (default: its current context)", Recursive = true };
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

    private static Command SetCommand(Option<string?> kubeconfig, Option<string?> context)
    {
        var ns = NamespaceOption();
        var workload = new Argument<string>("workload") { Description = "The Deployment or StatefulSet (pods labelled app=WORKLOAD count too)" };
        var version = new Option<string?>("--version") { Description = "Only the workload's pods with this `version` label" };
        var p50 = new Option<string?>("--latency-p50") { Description = "Median response latency, e.g. 50ms" };
        var p99 = new Option<string?>("--latency-p99") { Description = "99th percentile response latency, e.g. 2s" };
        var errorRate = new Option<string?>("--error-rate") { Description = "Fraction of requests answered with HTTP 500 / gRPC UNAVAILABLE, 0..1" };
        var crash = new Option<bool>("--crash") { Description = "Restart the workload's containers (once per change of the fault)" };
        var multiplier = new Option<string?>("--traffic-multiplier") { Description = "Scale the traffic sent to the workload, e.g. 3" };
        var name = new Option<string?>("--name") { Description = "The TrafficFault's name (default: WORKLOAD or WORKLOAD-VERSION)" };
        var command = new Command("set", "Create or change a traffic fault on a workload") { ns, workload, version, p50, p99, errorRate, crash, multiplier, name };
        command.SetAction((result, cancellationToken) => Run(result, kubeconfig, context, async client =>
        {
            var latency = (result.GetValue(p50), result.GetValue(p99)) switch
            {
                (null, null) => null,
                ({ } median, { } tail) => new LatencyDistribution(Duration("--latency-p50", median), Duration("--latency-p99", tail)),
                (null, _) => throw new FaultInputException("--latency-p50: Required value: give --latency-p50 with --latency-p99"),
                (_, null) => throw new FaultInputException("--latency-p99: Required value: give --latency-p99 with --latency-p50"),
            };
            var target = result.GetValue(workload)!;
            var fault = new TrafficFault(
                result.GetValue(ns)!,
                result.GetValue(name) ?? (result.GetValue(version) is { } v ? $"{target}-{v}" : target),
                target,
                result.GetValue(version),
                latency,
                Number("--error-rate", result.GetValue(errorRate)),
                result.GetValue(crash),
                Number("--traffic-multiplier", result.GetValue(multiplier)));
            var applied = await client.SetAsync(fault, cancellationToken);
            Console.Out.WriteLine($"trafficfault {applied.Namespace()}/{applied.Name()} applied");
        }));
        return command;
    }

    private static Command ScenarioCommand(Option<string?> kubeconfig, Option<string?> context)
    {
        var scenario = new Argument<string>("scenario") { Description = "inventory-slow-db or canary-5xx" };
        scenario.AcceptOnlyFromAmong([.. TrafficScenarios.All.Select(s => s.Name)]);
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

    private static Command ListCommand(Option<string?> kubeconfig, Option<string?> context)
    {
        var ns = new Option<string?>("--namespace", "-n") { Description = "Only this namespace (default: all namespaces)" };
        var output = new Option<string>("--output", "-o") { Description = "table, json or yaml", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "json", "yaml");
        var command = new Command("list", "List the traffic faults") { ns, output };
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

    private static Command ClearCommand(Option<string?> kubeconfig, Option<string?> context)
    {
        var ns = new Option<string?>("--namespace", "-n") { Description = "The namespace (default: all namespaces with --all, else default)" };
        var name = new Option<string?>("--name") { Description = "The fault to delete" };
        var all = new Option<bool>("--all") { Description = "Delete every fault (of the namespace, when given)" };
        var command = new Command("clear", "Delete traffic faults; traffic returns to normal within one tick") { ns, name, all };
        command.SetAction((result, cancellationToken) => Run(result, kubeconfig, context, async client =>
        {
            var deleted = await client.ClearAsync(result.GetValue(ns), result.GetValue(name), result.GetValue(all), cancellationToken);
            Console.Out.WriteLine(deleted.Count == 0 ? "no traffic faults" : string.Join('\n', deleted.Select(d => $"trafficfault {d} deleted")));
        }));
        return command;
    }

    private static Option<string> NamespaceOption() =>
        new("--namespace", "-n") { Description = "The workload's namespace", DefaultValueFactory = _ => "default" };

    private static async Task<int> Run(ParseResult result, Option<string?> kubeconfig, Option<string?> context, Func<TrafficFaultClient, Task> action)
    {
        try
        {
            var connection = await ClusterConnection.FromKubeconfigAsync(result.GetValue(kubeconfig), result.GetValue(context));
            using var api = connection.CreateApi();
            await action(new TrafficFaultClient(new ClusterFaultApi(api)));
            return 0;
        }
        catch (Exception ex) when (ex is FaultInputException or ClusterApiException or ArgumentException or FileNotFoundException or HttpRequestException)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
    }

    private static double Duration(string option, string text) =>
        GoDuration.TryParseMs(text) ?? throw new FaultInputException($"{option}: Invalid value: \"{text}\": not a duration (for example 50ms or 2s)");

    private static double? Number(string option, string? text) =>
        text is null ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number
        : throw new FaultInputException($"{option}: Invalid value: \"{text}\": not a number");

    private static void WriteTable(IReadOnlyList<JsonObject> faults)
    {
        if (faults.Count == 0)
        {
            Console.Out.WriteLine("no traffic faults");
            return;
        }
        var rows = new List<string[]> { new[] { "NAMESPACE", "NAME", "WORKLOAD", "VERSION", "LATENCY P50/P99", "ERROR RATE", "CRASH", "MULTIPLIER" } };
        foreach (var item in faults)
        {
            var fault = TrafficFault.FromObject(item);
            rows.Add(
            [
                fault.Namespace, fault.Name, fault.Workload, fault.Version ?? "-",
                fault.Latency is { } l ? $"{l.P50Ms.ToString(CultureInfo.InvariantCulture)}ms/{l.P99Ms.ToString(CultureInfo.InvariantCulture)}ms" : "-",
                fault.ErrorRate?.ToString(CultureInfo.InvariantCulture) ?? "-",
                fault.Crash ? "yes" : "-",
                fault.TrafficMultiplier?.ToString(CultureInfo.InvariantCulture) ?? "-",
            ]);
        }
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            Console.Out.WriteLine(string.Join("   ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    /// <summary>The fault client's API calls over the kubeconfig's cluster connection.</summary>
    private sealed class ClusterFaultApi(ClusterApi api) : IFaultApi
    {
        public Task<JsonObject?> GetOrNullAsync(string path, CancellationToken cancellationToken) => api.GetOrNullAsync(path, cancellationToken);

        public Task<JsonObject> SendAsync(HttpMethod method, string path, JsonNode? body, string? contentType, CancellationToken cancellationToken) =>
            api.SendAsync(method, path, body, contentType, cancellationToken);
    }
}
