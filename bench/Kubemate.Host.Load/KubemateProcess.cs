using System.Diagnostics;

namespace Kubemate.Host.Load;

/// <summary>A real <c>kubemate</c> process (from the kubemate.dll next to the harness), started and read until its ready line.</summary>
public sealed class KubemateProcess : IAsyncDisposable
{
    private readonly Process _process;

    private KubemateProcess(Process process, string readyLine)
    {
        _process = process;
        ReadyLine = readyLine;
    }

    public string ReadyLine { get; }

    public int ProcessId => _process.Id;

    public static async Task<KubemateProcess> StartAsync(string name, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kubemate.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start kubemate {name}");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[{name}] {e.Data}");
            }
        };
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("ready ", StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return new KubemateProcess(process, line);
            }
        }
        throw new InvalidOperationException($"kubemate {name} exited without its ready line");
    }

    /// <summary>VmRSS from /proc: the resident memory of the process.</summary>
    public double ResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
