using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Kubemate.Cluster.Connection;

namespace Kubemate.WebConsole.E2E.Hosting;

/// <summary>
/// A real <c>kubemate serve</c> process on the embedded sandbox with the demo estate, as a user starts it.
/// Disposing stops it with SIGTERM.
/// </summary>
public sealed partial class ServeProcess : IConsoleHost
{
    private readonly Process _process;
    private readonly List<string> _output;

    private ServeProcess(Process process, List<string> output, Uri url, ClusterConnection admin)
    {
        _process = process;
        _output = output;
        Url = url;
        Admin = admin;
    }

    public Uri Url { get; }

    public ClusterConnection Admin { get; }

    public string Log
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public static async Task<ServeProcess> StartAsync(string workDirectory)
    {
        Directory.CreateDirectory(workDirectory);
        var kubeconfig = Path.Combine(workDirectory, "kubeconfig");
        var dll = Path.Combine(AppContext.BaseDirectory, "kubemate.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"kubemate.dll not found next to the tests ({dll})");
        }
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workDirectory };
        foreach (var argument in new[] { dll, "serve", "--listen", "127.0.0.1:0", "--data-dir", Path.Combine(workDirectory, "data"), "--write-kubeconfig", kubeconfig })
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start kubemate serve");
        var output = new List<string>();
        var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                ready.TrySetException(new InvalidOperationException("kubemate serve exited before it was ready:\n" + string.Join('\n', output)));
                return;
            }
            lock (output)
            {
                output.Add(e.Data);
            }
            var match = ReadyLine().Match(e.Data);
            if (match.Success)
            {
                ready.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.Add(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var finished = await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(120)));
        if (finished != ready.Task)
        {
            process.Kill(true);
            throw new TimeoutException("kubemate serve did not print its ready line within 120 s:\n" + string.Join('\n', output));
        }
        return new ServeProcess(process, output, await ready.Task, await ClusterConnection.FromKubeconfigAsync(kubeconfig));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])?.WaitForExit(5000);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"^ready (\S+)")]
    private static partial Regex ReadyLine();
}
