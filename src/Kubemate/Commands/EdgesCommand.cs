using System.CommandLine;
using System.Text.Json;
using Kubemate.Telemetry;
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
        var resource = new Argument<string>("resource") { Description = "Workload kind (accepted for linkerd viz edges compatibility; all kinds are shown)", Arity = ArgumentArity.ZeroOrOne };
        var common = TelemetryFlags.Create();
        var command = new Command("edges", "Edges between workloads with mTLS status, as linkerd viz edges shows them") { resource };
        common.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            if (!common.TryRead(result, error, out var flags))
            {
                return 2;
            }
            using var http = new HttpClient();
            var (source, problem) = CliTelemetrySource.Resolve(http, flags.Server, flags.Token, flags.Prometheus, Environment.GetEnvironmentVariable);
            if (source is null)
            {
                await error.WriteLineAsync($"kubemate edges: {problem}");
                return 2;
            }
            var answer = await source.EdgesAsync(flags.Namespace, flags.Window, cancellationToken);
            if (!answer.HasValue)
            {
                await error.WriteLineAsync($"kubemate edges: telemetry unavailable ({answer.Unavailable!.Reason}): {answer.Unavailable.Message}");
                return 1;
            }
            foreach (var warning in answer.Warnings)
            {
                await error.WriteLineAsync($"warning: {warning}");
            }
            await output.WriteAsync(flags.Json
                ? JsonSerializer.Serialize(answer.Value, TelemetryJson.Options) + Environment.NewLine
                : answer.Value!.Count == 0 ? $"No edges found.{Environment.NewLine}" : StatTables.Edges(answer.Value!));
            return 0;
        });
        return command;
    }
}
