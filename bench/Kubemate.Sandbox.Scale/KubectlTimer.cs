using System.Diagnostics;

namespace Kubemate.Sandbox.Scale;

/// <summary>Times the real kubectl against a sandbox, wall clock from process start to exit.</summary>
public sealed class KubectlTimer(string kubectl, string kubeconfig, string cacheDirectory, TimeSpan deadline)
{
    /// <summary>One timed run; fails unless kubectl exits 0 and prints at least <paramref name="minimumLines"/> lines.</summary>
    /// <exception cref="InvalidOperationException">kubectl failed or printed too little.</exception>
    /// <exception cref="TimeoutException">kubectl did not finish within the deadline.</exception>
    public async Task<(TimeSpan Elapsed, int Lines, long Bytes)> RunAsync(string[] arguments, int minimumLines, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(kubectl) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // A private discovery cache keeps the user's ~/.kube untouched; the first run fills it, as a user's first command does.
        foreach (var argument in new[] { "--kubeconfig", kubeconfig, "--cache-dir", cacheDirectory }.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {kubectl}");
        var lines = 0;
        var bytes = 0L;
        var stdout = Task.Run(
            async () =>
            {
                while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
                {
                    lines++;
                    bytes += line.Length + 1;
                }
            },
            cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            await stdout;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', arguments)} did not finish within {deadline.TotalSeconds:0} s");
        }
        var elapsed = stopwatch.Elapsed;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl {string.Join(' ', arguments)} exited {process.ExitCode}: {await stderr}");
        }
        if (lines < minimumLines)
        {
            throw new InvalidOperationException($"kubectl {string.Join(' ', arguments)} printed {lines} lines, expected at least {minimumLines}");
        }
        return (elapsed, lines, bytes);
    }
}
