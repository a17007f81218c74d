using System.Globalization;
using Kubemate.Direct;
using Kubemate.Remote;
using Api = Kubemate.Client;

namespace Kubemate.Commands;

/// <summary>
/// <c>kubemate canary get --watch</c>: reads the release every two seconds and prints a line whenever its phase, weight,
/// pause, latest verdict or message changes, until it ends (0 when it succeeded, 1 when it was rolled back or failed) or Ctrl-C.
/// </summary>
public static class CanaryWatch
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(ServerBackend server, string ns, string name, TextWriter output, CancellationToken cancellationToken)
    {
        string? last = null;
        try
        {
            while (true)
            {
                var release = (await server.GetCanaryAsync(ns, name, cancellationToken)).Summary;
                var line = $"phase {CanaryCommand.Phase(release)}, canary weight {release.Weight}%, verdict {release.LastVerdict ?? "-"}{(string.IsNullOrEmpty(release.Message) ? "" : ": " + release.Message)}";
                if (line != last)
                {
                    output.WriteLine($"{DateTimeOffset.UtcNow.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {release.Namespace}/{release.Name} {line}");
                    output.Flush();
                    last = line;
                }
                switch (release.Phase)
                {
                    case Api.ReleasePhase.Succeeded:
                        return ExitCodes.Ok;
                    case Api.ReleasePhase.RolledBack or Api.ReleasePhase.Failed:
                        return ExitCodes.Failed;
                }
                await Task.Delay(Interval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }
    }
}
