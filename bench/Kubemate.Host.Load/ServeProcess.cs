using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kubemate.Host.Load;

/// <summary>
/// <c>kubemate serve</c> as the figures need it. Embedded: serve runs the sandbox in its own process (what a laptop
/// user starts). Separate: <c>kubemate sandbox</c> runs in a second process and serve drives it through its
/// kubeconfig with a token file, as on a real cluster, so serve's RSS is the host's alone.
/// </summary>
public sealed partial class ServeProcess : IAsyncDisposable
{
    private readonly string _directory;
    private readonly KubemateProcess _serve;
    private readonly KubemateProcess? _sandbox;

    private ServeProcess(string directory, KubemateProcess serve, KubemateProcess? sandbox, Uri url, JsonObject credentials)
    {
        _directory = directory;
        _serve = serve;
        _sandbox = sandbox;
        Url = url;
        Credentials = credentials;
    }

    public Uri Url { get; }

    /// <summary>The body of <c>POST /api/v1/session</c> that signs alice in.</summary>
    public JsonObject Credentials { get; }

    public string Kubeconfig => Path.Combine(_directory, "kubeconfig");

    public string Description => _sandbox is null
        ? $"kubemate serve (pid {_serve.ProcessId}) with its embedded sandbox"
        : $"kubemate serve (pid {_serve.ProcessId}) on kubemate sandbox (pid {_sandbox.ProcessId}) via kubeconfig and token file";

    public static async Task<ServeProcess> StartAsync(bool separateSandbox, string? prometheus, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"kubemate-host-load-{Guid.NewGuid():n}");
        Directory.CreateDirectory(directory);
        var kubeconfig = Path.Combine(directory, "kubeconfig");
        var audit = Path.Combine(directory, "audit.db");
        string[] telemetry = prometheus is null ? [] : ["--prometheus", prometheus];
        if (!separateSandbox)
        {
            var serve = await KubemateProcess.StartAsync("serve",
                ["serve", "--listen", "127.0.0.1:0", "--write-kubeconfig", kubeconfig, "--audit", audit, .. telemetry], cancellationToken);
            return new ServeProcess(directory, serve, null, HostUrl(serve.ReadyLine),
                new JsonObject { ["username"] = "alice", ["password"] = "alice-demo" });
        }
        var data = Path.Combine(directory, "sandbox");
        var sandbox = await KubemateProcess.StartAsync("sandbox",
            ["sandbox", "--listen", "127.0.0.1:0", "--write-kubeconfig", kubeconfig, "--data-dir", data], cancellationToken);
        try
        {
            var tokens = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(data, "users.json"), cancellationToken))!.AsObject();
            var aliceToken = (string)tokens["alice"]!;
            var tokenFile = Path.Combine(directory, "tokens.csv");
            await File.WriteAllTextAsync(tokenFile, $"{aliceToken},alice,alice,platform-admins\n", cancellationToken);
            var host = await KubemateProcess.StartAsync("serve",
                ["serve", "--listen", "127.0.0.1:0", "--kubeconfig", kubeconfig, "--token-file", tokenFile, "--audit", audit, .. telemetry], cancellationToken);
            return new ServeProcess(directory, host, sandbox, HostUrl(host.ReadyLine), new JsonObject { ["token"] = aliceToken });
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }
    }

    public double ResidentMegabytes() => _serve.ResidentMegabytes();

    public double? SandboxResidentMegabytes() => _sandbox?.ResidentMegabytes();

    public async ValueTask DisposeAsync()
    {
        await _serve.DisposeAsync();
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
        Directory.Delete(_directory, recursive: true);
    }

    private static Uri HostUrl(string readyLine) =>
        new(Ready().Match(readyLine) is { Success: true } match ? match.Groups["host"].Value : throw new InvalidOperationException($"unexpected ready line: {readyLine}"));

    [GeneratedRegex(@"^ready (?<host>http://\S+) \(")]
    private static partial Regex Ready();
}
