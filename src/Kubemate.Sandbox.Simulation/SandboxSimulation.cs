using Kubemate.Sandbox.Auth;
using Kubemate.Sandbox.Simulation.Admission;
using Kubemate.Sandbox.Simulation.Controllers;
using Kubemate.Sandbox.Simulation.Estate;
using Microsoft.Extensions.Logging;

namespace Kubemate.Sandbox.Simulation;

/// <summary>
/// The sandbox's simulated cluster: admission plugins (defaults, service IPs, sidecar injection), the controllers
/// that give workloads life, and the seeded demo estate. Hand <see cref="Components"/> and <see cref="DemoUsers"/>
/// to <see cref="SandboxServer.StartAsync"/>, or call <see cref="StartAsync"/>.
/// </summary>
public static class SandboxSimulation
{
    /// <summary>The parts to start with the server, in start order (the estate last, once everything reacts).</summary>
    /// <exception cref="ArgumentException">an option is invalid; the message names it.</exception>
    public static IReadOnlyList<ISandboxComponent> Components(SimulationOptions? options = null)
    {
        options ??= new SimulationOptions();
        options.Validate();
        var components = new List<ISandboxComponent>
        {
            new AdmissionPlugins(options),
            new NodeRegistration(),
            new NamespaceController(),
            new PodLifecycleController(options),
            new ReplicaSetController(),
            new DeploymentController(),
            new StatefulSetController(),
            new DaemonSetController(),
            new JobController(),
            new EndpointsController(),
            new LoadBalancerController(),
        };
        if (options.SeedDemoEstate)
        {
            components.Add(new DemoEstate(options.EstateMesh));
        }
        if (options.SimulateTraffic) components.Add(new Traffic.TrafficSimulator(options));
        return components;
    }

    /// <summary>alice (platform-admins), olivia (team-orders), audrey (auditors); see docs/demo-estate.md.</summary>
    public static IReadOnlyList<SandboxUserSpec> DemoUsers => Estate.DemoUsers.Specs;

    /// <summary>Starts a sandbox API server with the simulation and the demo users.</summary>
    public static Task<SandboxServer> StartAsync(
        SandboxOptions sandboxOptions,
        SimulationOptions? simulationOptions = null,
        TimeProvider? clock = null,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default) =>
        SandboxServer.StartAsync(sandboxOptions, DemoUsers, Components(simulationOptions), clock, loggerFactory, cancellationToken);
}
