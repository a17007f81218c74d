using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Kubemate.Sandbox.Scale;

/// <summary>
/// A real <c>kubemate sandbox</c> process (<c>dotnet kubemate.dll sandbox ...</c>) on a free loopback port, started
/// exactly as a user starts it. Disposing kills it (and anything it started).
/// </summary>
public sealed partial class SandboxProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly Queue<string> _recentOutput;

    private SandboxProcess(Process process, Queue<string> recentOutput, string kubeconfig, Uri url)
    {
        _process = process;
        _recentOutput = recentOutput;
        Kubeconfig = kubeconfig;
        Url = url;
    }

    public string Kubeconfig { get; }
    public Uri Url { get; }
    public int ProcessId => _process.Id;

    /// <summary>The command line, as a user would type it.</summary>
    public string CommandLine => string.Join(' ', _process.StartInfo.ArgumentList.Prepend(_process.StartInfo.FileName));

    /// <param name="workDirectory">Receives the kubeconfig.</param>
    /// <param name="empty">Start without the demo estate.</param>
    public static async Task<SandboxProcess> StartAsync(string workDirectory, bool empty, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(workDirectory);
        var kubeconfig = Path.Combine(workDirectory, "kubeconfig");
        var dll = Path.Combine(AppContext.BaseDirectory, "kubemate.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"kubemate.dll is not next to the harness ({dll}); build the harness, which references src/Kubemate");
        }
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments = [dll, "sandbox", "--listen", "127.0.0.1:0", "--write-kubeconfig", kubeconfig, .. empty ? new[] { "--empty" } : []];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start kubemate sandbox");
        var recent = new Queue<string>();
        var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                ready.TrySetException(new InvalidOperationException("kubemate sandbox exited before it was ready:\n" + Tail(recent)));
                return;
            }
            Remember(recent, e.Data);
            if (ReadyLine().Match(e.Data) is { Success: true } match)
            {
                ready.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Remember(recent, e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var url = await ready.Task.WaitAsync(ReadyDeadline, cancellationToken);
            return new SandboxProcess(process, recent, kubeconfig, url);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or InvalidOperationException)
        {
            Stop(process);
            process.Dispose();
            if (ex is TimeoutException)
            {
                throw new TimeoutException($"kubemate sandbox did not print its ready line within {ReadyDeadline.TotalSeconds:0} s:\n{Tail(recent)}");
            }
            throw;
        }
    }

    /// <summary>The resident set size of the sandbox process now.</summary>
    public long ResidentBytes() => ProcessStatistics.ResidentBytes(_process.Id);

    /// <summary>CPU time the sandbox has used so far.</summary>
    public TimeSpan CpuTime() => ProcessStatistics.CpuTime(_process.Id);

    /// <summary>The last lines the sandbox printed, for error messages.</summary>
    public string RecentOutput() => Tail(_recentOutput);

    /// <summary>SIGTERM, as a user stops it; SIGKILL when it has not exited 10 s later.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync(CancellationToken.None);
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        Stop(_process);
        await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _process.Dispose();
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }

    private static void Remember(Queue<string> recent, string line)
    {
        lock (recent)
        {
            recent.Enqueue(line);
            while (recent.Count > 50)
            {
                recent.Dequeue();
            }
        }
    }

    private static string Tail(Queue<string> recent)
    {
        lock (recent)
        {
            return string.Join('\n', recent);
        }
    }

    [GeneratedRegex(@"^ready (\S+)")]
    private static partial Regex ReadyLine();
}
