using System.CommandLine;
using Kubemate.Telemetry.Cli;

namespace Kubemate.Commands;

/// <summary>
/// <c>kubemate edges [-n NS] [-o json]</c>: who calls whom and whether the calls are mTLS, in the columns of
/// <c>linkerd viz edges</c>; callers without a proxy appear as <c>unmeshed</c>.
/// </summary>
public static class EdgesCommand
{
    public static Command Create()
    {
        var resource = PositionalArguments.Create("resource", "Workload kind (accepted for linkerd viz edges compatibility; all kinds are shown)", ArgumentArity.ZeroOrOne);
        var common = TelemetryFlags.Create();
        var command = new Command("edges", "Edges between workloads with mTLS status, as linkerd viz edges shows them") { resource };
        common.AddTo(command);
        command.SetAction((result, cancellationToken) =>
            common.RunAsync(result, "kubemate edges", (source, ns, window, ct) => source.EdgesAsync(ns, window, ct),
                edges => edges, "No edges found.", (edges, _) => StatTables.Edges(edges), cancellationToken));
        return command;
    }
}
