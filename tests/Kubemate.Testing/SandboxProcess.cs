using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Kubemate.Testing;

/// <summary>
/// A real <c>kubemate sandbox</c> process, as a user starts it, with its kubeconfig. Tests talk to it over HTTP
/// with kubectl or the official client. Disposing stops it; <see cref="Kill"/> simulates a crash.
/// </summary>
public sealed partial class SandboxProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private SandboxProcess(Process process, string kubeconfig, Uri url)
    {
        _process = process;
        Kubeconfig = kubeconfig;
        Url = url;
    }

    public string Kubeconfig { get; }
    public Uri Url { get; }
    public IReadOnlyList<string> Output => _output;

    /// <param name="arguments">Extra arguments after <c>sandbox</c> (e.g. <c>--empty</c>, <c>--data-dir DIR</c>).</param>
    public static async Task<SandboxProcess> StartAsync(string workDirectory, params string[] arguments)
    {
        Directory.CreateDirectory(workDirectory);
        var kubeconfig = Path.Combine(workDirectory, "kubeconfig");
        var dll = Path.Combine(AppContext.BaseDirectory, "kubemate.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"kubemate.dll not found next to the tests ({dll})");
        }
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "sandbox", "--listen", "127.0.0.1:0", "--write-kubeconfig", kubeconfig }.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start kubemate sandbox");
        var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new List<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                ready.TrySetException(new InvalidOperationException("kubemate sandbox exited before it was ready:\n" + string.Join('\n', output)));
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
        var finished = await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(90)));
        if (finished != ready.Task)
        {
            process.Kill(true);
            throw new TimeoutException("kubemate sandbox did not print its ready line within 90 s:\n" + string.Join('\n', output));
        }
        var sandbox = new SandboxProcess(process, kubeconfig, await ready.Task);
        sandbox._output.AddRange(output);
        return sandbox;
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or OOM kill.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM first: the normal way a user stops it.
            Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit(5000);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Kill();
            }
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"^ready (\S+)")]
    private static partial Regex ReadyLine();
}
