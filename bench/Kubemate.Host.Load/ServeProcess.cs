using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Kubemate.Host.Load;

/// <summary>A real <c>kubemate serve</c> process on the embedded sandbox, started from the kubemate.dll next to the harness.</summary>
public sealed partial class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private ServeProcess(Process process, string directory, Uri url, Uri sandboxUrl)
    {
        _process = process;
        _directory = directory;
        Url = url;
        SandboxUrl = sandboxUrl;
    }

    public Uri Url { get; }

    public Uri SandboxUrl { get; }

    public int ProcessId => _process.Id;

    public string Kubeconfig => Path.Combine(_directory, "kubeconfig");

    public static async Task<ServeProcess> StartAsync(CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"kubemate-host-load-{Guid.NewGuid():n}");
        Directory.CreateDirectory(directory);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "kubemate.dll"), "serve", "--listen", "127.0.0.1:0",
            "--write-kubeconfig", Path.Combine(directory, "kubeconfig"), "--audit", Path.Combine(directory, "audit.db"),
        })
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start kubemate serve");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[serve] {e.Data}");
            }
        };
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var match = Ready().Match(line);
            if (match.Success)
            {
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return new ServeProcess(process, directory, new Uri(match.Groups["host"].Value), new Uri(match.Groups["sandbox"].Value));
            }
        }
        throw new InvalidOperationException("kubemate serve exited without its ready line");
    }

    /// <summary>VmRSS from /proc: the resident memory of the serve process (host and embedded sandbox together).</summary>
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
        Directory.Delete(_directory, recursive: true);
    }

    [GeneratedRegex(@"^ready (?<host>http://\S+) \(sandbox cluster at (?<sandbox>\S+),")]
    private static partial Regex Ready();
}
