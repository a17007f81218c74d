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
    private KubemateProcess _process = null!;

    public Uri Url => _process.Url;

    public string Kubeconfig => _directory.File("kubeconfig");

    public async Task InitializeAsync() =>
        _process = await KubemateProcess.StartAsync(
            ["serve", "--listen", "127.0.0.1:0", "--write-kubeconfig", Kubeconfig, "--data-dir", _directory.File("data")],
            TimeSpan.FromSeconds(120));

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
        await _process.DisposeAsync();
        _directory.Dispose();
    }
}
