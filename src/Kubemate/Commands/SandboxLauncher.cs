using Kubemate.Sandbox;
using Kubemate.Sandbox.Simulation;

namespace Kubemate.Commands;

/// <summary>Starts the sandbox API server with the simulation (controllers, injection and, unless empty, the demo estate).</summary>
public static class SandboxLauncher
{
    public static Task<SandboxServer> StartAsync(SandboxOptions options, bool empty, CancellationToken cancellationToken)
    {
        var simulation = new SimulationOptions { SeedDemoEstate = !empty };
        return SandboxServer.StartAsync(
            options,
            SandboxSimulation.DemoUsers,
            SandboxSimulation.Components(simulation),
            cancellationToken: cancellationToken);
    }
}
