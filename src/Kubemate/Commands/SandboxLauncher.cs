using Kubemate.Sandbox;
using Kubemate.Sandbox.Simulation;

namespace Kubemate.Commands;

/// <summary>
/// Starts the sandbox API server with the simulation (controllers, injection and, unless empty, the demo estate,
/// seeded with <paramref name="mesh"/>'s control plane and injection switch).
/// </summary>
public static class SandboxLauncher
{
    public static Task<SandboxServer> StartAsync(SandboxOptions options, bool empty, CancellationToken cancellationToken, DemoMesh mesh = DemoMesh.Linkerd)
    {
        var simulation = new SimulationOptions { SeedDemoEstate = !empty, EstateMesh = mesh };
        return SandboxServer.StartAsync(
            options,
            SandboxSimulation.DemoUsers,
            SandboxSimulation.Components(simulation),
            cancellationToken: cancellationToken);
    }
}
