using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Application.Canary.Resource;
using Kubemate.Cluster.Apply;
using Kubemate.CommandLine;
using Kubemate.Direct;
using Kubemate.Direct.Terminal;
using Kubemate.Remote;
using Api = Kubemate.Client;

namespace Kubemate.Commands;

/// <summary>
/// <c>kubemate canary create|get|list|set-weight|pause|resume|approve|promote|rollback|restart-analysis -n NS NAME</c>:
/// canary releases through a running <c>kubemate serve</c> (its controller runs them, its telemetry judges them).
/// </summary>
public static class CanaryCommand
{
    private static readonly string[] Actions = ["pause", "resume", "approve", "promote", "rollback", "restart-analysis"];

    public static Command Create()
    {
        var connection = new ConnectionFlags();
        var command = new Command("canary", "Canary releases: create, watch, set the weight, pause, approve, promote, roll back")
        {
            List(connection), Get(connection), CanaryCreateCommand.Create(connection), SetWeight(connection),
        };
        foreach (var action in Actions)
        {
            command.Subcommands.Add(Act(connection, action));
        }
        connection.AddTo(command);
        return command;
    }

    private static Command List(ConnectionFlags connection)
    {
        var ns = Flags.Text("--namespace", "Only this namespace (default: every namespace you may list)", "-n");
        var all = AllNamespaces.Create(ns);
        var output = Output();
        var command = new Command("list", "The releases with their phase, weight and latest verdict") { ns, all, output };
        command.SetAction((result, cancellationToken) => Run(result, connection, "kubemate canary list", async (server, writer) =>
        {
            var releases = await server.ListCanariesAsync(result.GetValue(ns), cancellationToken);
            if (Structured(writer, result.GetValue(output), releases))
            {
                return ExitCodes.Ok;
            }
            var table = new TextTable("NAMESPACE", "NAME", "SERVICE", "STABLE", "CANARY", "MODE", "PHASE", "WEIGHT", "VERDICT");
            foreach (var r in releases)
            {
                table.Add(r.Namespace, r.Name, r.Service, r.Stable, r.Canary, Mode(r.Mode), Phase(r), $"{r.Weight}%", r.LastVerdict ?? "-");
            }
            table.Write(writer);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Get(ConnectionFlags connection)
    {
        var (ns, name) = Target();
        var output = Output();
        var watch = Flags.Switch("--watch", "Print each change of phase, weight or verdict until the release ends (Ctrl-C stops)", "-w");
        var command = new Command("get", "One release: its spec, phase, weight, checks and both versions' metrics") { name, ns, output, watch };
        command.SetAction((result, cancellationToken) => Run(result, connection, "kubemate canary get", async (server, writer) =>
        {
            var (space, release) = (result.GetValue(ns)!, result.GetValue(name)!);
            if (result.GetValue(watch))
            {
                return await CanaryWatch.RunAsync(server, space, release, writer, cancellationToken);
            }
            var detail = await server.GetCanaryAsync(space, release, cancellationToken);
            if (!Structured(writer, result.GetValue(output), detail))
            {
                CanaryDetailText.Write(writer, detail);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command SetWeight(ConnectionFlags connection)
    {
        var (ns, name) = Target();
        var weight = new Argument<int>("weight") { Description = "Percent of requests the canary gets (0-100)" };
        weight.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 100)
            {
                result.AddError($"{result.GetValueOrDefault<int>()} is not a percent from 0 to 100");
            }
        });
        var command = new Command("set-weight", "Set the canary's weight of a manual release") { name, weight, ns };
        command.SetAction((result, cancellationToken) => Run(result, connection, "kubemate canary set-weight", async (server, writer) =>
            Report(writer, await server.SetCanaryWeightAsync(result.GetValue(ns)!, result.GetValue(name)!, result.GetValue(weight), cancellationToken))));
        return command;
    }

    private static Command Act(ConnectionFlags connection, string action)
    {
        var (ns, name) = Target();
        var command = new Command(action, $"Ask the controller to {action.Replace('-', ' ')} the release (refused with the reason when it does not apply)") { name, ns };
        command.SetAction((result, cancellationToken) => Run(result, connection, $"kubemate canary {action}", async (server, writer) =>
            Report(writer, await server.ActOnCanaryAsync(result.GetValue(ns)!, result.GetValue(name)!, action, cancellationToken))));
        return command;
    }

    /// <summary>The action's outcome; a refusal by the controller is a failure (exit 1).</summary>
    private static int Report(TextWriter output, Api.CanaryActionView outcome)
    {
        output.WriteLine($"{outcome.Action}: {outcome.State.ToString().ToLowerInvariant()}: {outcome.Message}");
        return outcome.State is Api.ActionState.Done or Api.ActionState.Queued ? ExitCodes.Ok : ExitCodes.Failed;
    }

    /// <summary>-n NS (required) and the release's name.</summary>
    internal static (Option<string?> Namespace, Argument<string> Name) Target() =>
        (Flags.Text("--namespace", "The release's namespace (required)", "-n").Required(), PositionalArguments.Create("name", "The release's name"));

    private static Option<string?> Output() => Flags.Choice("--output", "Output: table (default), json or yaml", ["table", "json", "yaml"], "-o");

    /// <summary>
    /// Opens the server backend and runs <paramref name="work"/>; without a server (direct mode) the verb is bad usage:
    /// the releases run in the server's controller.
    /// </summary>
    internal static Task<int> Run(ParseResult result, ConnectionFlags connection, string commandName, Func<ServerBackend, TextWriter, Task<int>> work)
    {
        var flags = new FlagReader(result);
        var open = BackendChoice.Read(flags, connection, out var server);
        if (!server && open is not null)
        {
            flags.Problems.Add(new(connection.Server.Name, $"is required (or {BackendChoice.ServerVariable}): canary releases run in the controller of kubemate serve, which also reads their metrics"));
        }
        var error = result.InvocationConfiguration.Error;
        if (flags.Problems.Count > 0 || open is null)
        {
            return Task.FromResult(UsageReport.Write(error, commandName, flags.Problems));
        }
        var output = result.InvocationConfiguration.Output;
        return OperationRun.WithBackendAsync(error, commandName, open, async backend =>
        {
            var code = await work((ServerBackend)backend, output);
            output.Flush();
            return code;
        });
    }

    /// <summary>Writes <paramref name="value"/> as JSON or YAML when asked (as the API spells it); false for the table.</summary>
    private static bool Structured<T>(TextWriter output, string? format, T value)
    {
        if (format is not ("json" or "yaml"))
        {
            return false;
        }
        var json = JsonSerializer.SerializeToNode(value, Api.KubemateApiClient.DocumentJson);
        output.Write(format == "json" ? json!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n" : YamlJson.Serialize(json));
        return true;
    }

    internal static string Mode(Api.ReleaseMode mode) => mode switch
    {
        Api.ReleaseMode.Manual => "manual",
        Api.ReleaseMode.Progressive => "progressive",
        _ => "ab",
    };

    internal static string Phase(Api.CanarySummaryView release) => release.Paused ? $"{release.Phase} (paused)" : release.Phase.ToString();
}
