using System.Diagnostics;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;

namespace Kubemate.Tests.Cli.Operations;

/// <summary>
/// A real <c>kubemate serve</c> process on the embedded sandbox with the demo estate, as a user starts it; the demo
/// users' bearer tokens come from the kubeconfig it writes (the host accepts the sandbox users' tokens).
/// </summary>
public sealed class ServeProcess : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private Process _process = null!;

    public Uri Url { get; private set; } = null!;

    public string Kubeconfig => _directory.File("kubeconfig");

    public async Task InitializeAsync()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "kubemate.dll"), "serve", "--listen", "127.0.0.1:0",
            "--write-kubeconfig", Kubeconfig, "--data-dir", _directory.File("data") })
        {
            info.ArgumentList.Add(argument);
        }
        _process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("ready ", StringComparison.Ordinal))
            {
                Url = new Uri(line.Split(' ')[1]);
                // Keep reading so a full pipe never blocks the server.
                _ = _process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                _ = _process.StandardError.ReadToEndAsync(CancellationToken.None);
                return;
            }
        }
        throw new InvalidOperationException("kubemate serve exited without a ready line: " + await _process.StandardError.ReadToEndAsync());
    }

    /// <summary>The bearer token of a demo user, read from the kubeconfig the server wrote.</summary>
    public string Token(string user)
    {
        var kubeconfig = (JsonObject)YamlJson.Parse(File.ReadAllText(Kubeconfig))!;
        return (string)((JsonArray)kubeconfig["users"]!).Single(u => (string?)u!["name"] == user)!["user"]!["token"]!;
    }

    public string[] As(string user) => ["--server", Url.ToString(), "--token", Token(user)];

    public Testing.Kubectl Kubectl => new(Kubeconfig);

    public async Task DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _directory.Dispose();
    }
}
