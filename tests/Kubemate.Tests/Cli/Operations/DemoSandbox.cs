using Kubemate.Sandbox;
using Kubemate.Sandbox.Simulation;

namespace Kubemate.Tests.Cli.Operations;

/// <summary>
/// A sandbox with the demo estate on loopback and its kubeconfig (contexts per demo user), so direct-mode commands
/// reach it over HTTP exactly as they reach a cluster. Tests that change the estate each take their own namespace.
/// </summary>
public sealed class DemoSandbox : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();

    public SandboxServer Server { get; private set; } = null!;

    public string Kubeconfig => _directory.File("kubeconfig");

    public async Task InitializeAsync()
    {
        Server = await SandboxSimulation.StartAsync(new SandboxOptions(), new SimulationOptions { SeedDemoEstate = true });
        Server.WriteKubeconfig(Kubeconfig);
    }

    /// <summary>A fresh audit store for one test.</summary>
    public string NewAuditStore() => _directory.File($"audit-{Guid.NewGuid():n}.db");

    /// <summary>The direct-mode flags for one demo user (alice, olivia, audrey).</summary>
    public string[] As(string user, string audit) => ["--kubeconfig", Kubeconfig, "--context", $"kubemate-sandbox-{user}", "--audit", audit];

    public Testing.Kubectl Kubectl => new(Kubeconfig);

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _directory.Dispose();
    }
}
