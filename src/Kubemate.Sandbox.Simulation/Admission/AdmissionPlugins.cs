using Kubemate.Sandbox.Admission;
using Microsoft.Extensions.Logging;

namespace Kubemate.Sandbox.Simulation.Admission;

/// <summary>
/// Installs the simulation's admission plugins into the sandbox's chain, in the order a real apiserver runs the
/// equivalents: defaulting and allocation (built-in plugins) before the mesh injectors (mutating webhooks).
/// </summary>
public sealed class AdmissionPlugins(SimulationOptions options) : ISandboxComponent
{
    public Task StartAsync(SandboxContext context, SandboxServer server, CancellationToken cancellationToken)
    {
        var plugins = new List<IAdmissionPlugin>
        {
            new WorkloadDefaults(),
            new PodDefaults(),
            new ServiceAllocation(new ClusterIpPool(context.Clock)),
        };
        if (options.SidecarInjection)
        {
            plugins.Add(new SidecarInjection(context.Loggers.CreateLogger<SidecarInjection>()));
        }
        foreach (var plugin in plugins)
        {
            context.Admission.Add(plugin);
        }
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
