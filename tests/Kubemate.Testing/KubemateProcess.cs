using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Kubemate.Testing;

/// <summary>
/// A real <c>kubemate</c> process started from the kubemate.dll next to the tests, ready once it prints its
/// <c>ready URL …</c> line. Its output is kept for failure messages. Disposing stops it with SIGTERM, as a user
/// would, and kills it if it does not exit in time; <see cref="Kill"/> simulates a crash.
/// </summary>
public sealed partial class KubemateProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output;

    private KubemateProcess(Process process, List<string> output, Uri url)
    {
        _process = process;
        _output = output;
        Url = url;
    }

    /// <summary>The URL of its ready line.</summary>
    public Uri Url { get; }

    public int Id => _process.Id;

    /// <summary>Everything it printed so far, stdout and stderr interleaved.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    /// <param name="arguments">Everything after <c>kubemate</c>, e.g. <c>serve --listen 127.0.0.1:0</c>.</param>
    public static async Task<KubemateProcess> StartAsync(IEnumerable<string> arguments, TimeSpan readyTimeout, string? workingDirectory = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "kubemate.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"kubemate.dll not found next to the tests ({dll})");
        }
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        var what = "kubemate " + string.Join(' ', info.ArgumentList.Skip(1).Take(1));
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {what}");
        var output = new List<string>();
        var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                ready.TrySetException(new InvalidOperationException($"{what} exited before it was ready:\n" + Joined(output)));
                return;
            }
            Append(output, e.Data);
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
                Append(output, e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var finished = await Task.WhenAny(ready.Task, Task.Delay(readyTimeout));
        if (finished != ready.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{what} did not print its ready line within {readyTimeout.TotalSeconds:0} s:\n" + Joined(output));
        }
        return new KubemateProcess(process, output, await ready.Task);
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
            Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])?.WaitForExit(5000);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
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

    private static void Append(List<string> output, string line)
    {
        lock (output)
        {
            output.Add(line);
        }
    }

    private static string Joined(List<string> output)
    {
        lock (output)
        {
            return string.Join('\n', output);
        }
    }

    [GeneratedRegex(@"^ready (\S+)")]
    private static partial Regex ReadyLine();
}
