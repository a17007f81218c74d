using System.CommandLine;
using System.Text.Json;
using Kubemate.Application.Onboarding;
using Kubemate.Direct;
using Kubemate.Direct.Terminal;
using Kubemate.CommandLine;
using Kubemate.Remote;

namespace Kubemate.Commands;

/// <summary>
/// <c>kubemate mesh enable|disable -n NS [--workload KIND/NAME]</c>: turns the mesh on or off for a namespace and
/// rolls its workloads, showing per-workload progress; <c>--dry-run</c> prints the plan instead.
/// </summary>
public static class MeshCommand
{
    public static Command Create()
    {
        var connection = new ConnectionFlags();
        var command = new Command("mesh", "Turn the service mesh on or off for a namespace and roll its workloads")
        {
            Subcommand("enable", "Switch injection on and restart the workloads so their pods get the proxy", enable: true),
            Subcommand("disable", "Switch injection off and restart the workloads so their pods lose the proxy", enable: false),
        };
        connection.AddTo(command);
        return command;

        Command Subcommand(string name, string description, bool enable)
        {
            var ns = Flags.Text("--namespace", "Namespace to switch (required; one namespace per run)", "-n").Required();
            var allNamespaces = Flags.Switch("--all-namespaces", "Not offered: the mesh switch works on one namespace at a time (give -n)", "-A");
            allNamespaces.Hidden = true;
            allNamespaces.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<bool>())
                {
                    result.AddError("the mesh switch works on one namespace at a time; give -n NAMESPACE (and run it once per namespace)");
                }
            });
            var workload = Flags.Parsed<WorkloadKey>("--workload", $"Only this workload: KIND/NAME ({WorkloadKey.KnownKinds}) or NAME of a deployment", [], ParseWorkload);
            var dryRun = Flags.Switch("--dry-run", "Print the plan (which workloads restart, which are skipped and why); change nothing");
            var provider = Flags.Choice("--provider", "Mesh: linkerd (default) or istio", ["linkerd", "istio"]);
            var concurrency = Flags.Integer("--max-concurrency", "How many workloads restart at once (1-100; default 8)", 1, 100);
            var output = Flags.Choice("--output", "Output: text (default) or json (the plan, or one event per line)", ["text", "json"], "-o");
            var sub = new Command(name, description) { ns, allNamespaces, workload, dryRun, provider, concurrency, output };
            sub.SetAction((result, cancellationToken) =>
            {
                var flags = new FlagReader(result);
                var request = new MeshRequest(flags.Text(ns, ""), enable)
                {
                    Provider = flags.Text(provider, "linkerd"),
                    MaxConcurrency = flags.Value(concurrency),
                    Workload = flags.Value(workload),
                };
                var json = flags.Text(output, "text") == "json";
                var open = BackendChoice.Read(flags, connection, out var server);
                if (server && flags.IsGiven(provider))
                {
                    flags.Problems.Add(new(provider.Name, "applies to direct mode only; the server runs the mesh driver it was started with"));
                }
                var commandName = $"kubemate mesh {name}";
                var error = result.InvocationConfiguration.Error;
                if (flags.Problems.Count > 0 || open is null)
                {
                    return Task.FromResult(UsageReport.Write(error, commandName, flags.Problems));
                }
                var outputWriter = result.InvocationConfiguration.Output;
                return OperationRun.WithBackendAsync(error, commandName, open, backend => flags.Switch(dryRun)
                    ? PlanAsync(backend, request, json, outputWriter, cancellationToken)
                    : RunAsync(backend, request, json, outputWriter, error, cancellationToken));
            });
            return sub;
        }
    }

    private static (WorkloadKey? Value, string? Problem) ParseWorkload(string text) =>
        WorkloadKey.TryParse(text, out var key, out var problem) ? (key, null) : (null, problem);

    private static async Task<int> PlanAsync(IOperationsBackend backend, MeshRequest request, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        var plan = await backend.PlanMeshAsync(request, cancellationToken);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(plan, ServerJson.Options));
            output.Flush();
            return ExitCodes.Ok;
        }
        if (!plan.InjectionDiff.IsEmpty)
        {
            output.WriteLine(plan.Workload is null ? $"namespace {plan.Namespace}: injection switch" : $"{plan.Workload} in {plan.Namespace}: injection switch");
            foreach (var (mark, line) in plan.InjectionDiff.Lines())
            {
                output.WriteLine($"{mark} {line}");
            }
            output.WriteLine();
        }
        var table = new TextTable("WORKLOAD", "ACTION", "REASON");
        foreach (var restart in plan.Restarts)
        {
            table.Add(Name(restart.Kind, restart.Name), "restart", $"{restart.MeshedPods}/{restart.Pods} pods meshed");
        }
        foreach (var skipped in plan.Skipped)
        {
            table.Add(Name(skipped.Kind, skipped.Name), "skip", skipped.Detail.Length > 0 ? $"{skipped.Reason}: {skipped.Detail}" : skipped.Reason);
        }
        table.Write(output);
        output.WriteLine($"dry run: {plan.Restarts.Count} to restart, {plan.Skipped.Count} skipped; nothing changed");
        output.Flush();
        return ExitCodes.Ok;
    }

    private static async Task<int> RunAsync(IOperationsBackend backend, MeshRequest request, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var display = new MeshProgressDisplay(output, TerminalOutput.IsTerminal(output));
        var failedWorkloads = 0;
        await foreach (var meshEvent in backend.RunMeshAsync(request, cancellationToken))
        {
            if (meshEvent.Type == OnboardingEventType.WorkloadFailed)
            {
                failedWorkloads++;
            }
            if (json)
            {
                output.WriteLine(JsonSerializer.Serialize(meshEvent, ServerJson.Options));
                output.Flush();
            }
            else
            {
                display.Show(meshEvent);
            }
            if (meshEvent.Type == OnboardingEventType.Completed)
            {
                if (!json)
                {
                    // Counted from the events shown, so the summary matches the lines above it in both modes.
                    output.WriteLine($"completed: {display.Done} done, {display.Skipped} skipped, {display.Failed} failed");
                    output.Flush();
                }
                // A run that completed with failed workloads is a failure for scripts: the mesh is not where it was asked to be.
                return failedWorkloads == 0 ? ExitCodes.Ok : ExitCodes.Failed;
            }
            if (meshEvent.Type == OnboardingEventType.Failed)
            {
                var how = meshEvent.StatusCode == System.Net.HttpStatusCode.Forbidden ? "denied" : "failed";
                error.WriteLine($"kubemate mesh {(request.Enable ? "enable" : "disable")}: {how}{Suffix(meshEvent.Message)}");
                error.Flush();
                return ExitCodes.Failed;
            }
        }
        error.WriteLine("kubemate mesh: the onboarding ended without completing");
        return ExitCodes.Failed;
    }

    private static string Name(string kind, string name) => $"{kind.ToLowerInvariant()}/{name}";

    private static string Suffix(string? message) => string.IsNullOrEmpty(message) ? "" : ": " + message;
}
