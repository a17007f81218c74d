namespace Kubemate.Sandbox.Simulation;

/// <summary>How the sandbox simulation behaves.</summary>
public sealed record SimulationOptions
{
    /// <summary>Seed the demo bank estate on an empty store (never again once the store holds it).</summary>
    public bool SeedDemoEstate { get; init; } = true;

    /// <summary>Which mesh the seeded estate runs: its control plane and the injection switch on the bank's meshed namespaces.</summary>
    public DemoMesh EstateMesh { get; init; } = DemoMesh.Linkerd;

    /// <summary>How long a scheduled pod stays Pending before its containers run and it turns Ready.</summary>
    public TimeSpan PodStartDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How long a run-to-completion pod (restartPolicy Never or OnFailure, e.g. a Job's) runs before it succeeds.</summary>
    public TimeSpan RunToCompletionDuration { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Run the Linkerd (and Istio) sidecar injectors on pod creation, as their webhooks would.</summary>
    public bool SidecarInjection { get; init; } = true;

    /// <summary>Run the traffic simulator (TrafficFault CRD, simulated proxy metrics); see docs/traffic-simulator.md.</summary>
    public bool SimulateTraffic { get; init; } = true;

    /// <summary>Simulated time between traffic ticks on the sandbox clock; zero ticks only on explicit request.</summary>
    public TimeSpan TrafficTickInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Seed of the traffic simulator's random numbers: the same seed and cluster give the same counters.</summary>
    public int TrafficSeed { get; init; } = 1;

    /// <summary>An empty sandbox: controllers and injection, but no seeded estate and no traffic.</summary>
    public static SimulationOptions Empty { get; } = new() { SeedDemoEstate = false, SimulateTraffic = false };

    /// <exception cref="ArgumentException">a delay is negative or the estate's mesh unknown; the message names the option.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(EstateMesh))
        {
            throw new ArgumentException($"{nameof(EstateMesh)}: must be one of {string.Join(", ", Enum.GetNames<DemoMesh>())} (was {EstateMesh})");
        }
        if (PodStartDelay < TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(PodStartDelay)}: must not be negative (was {PodStartDelay})");
        }
        if (TrafficTickInterval < TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(TrafficTickInterval)}: must not be negative (was {TrafficTickInterval})");
        }
        if (RunToCompletionDuration < TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(RunToCompletionDuration)}: must not be negative (was {RunToCompletionDuration})");
        }
    }
}

/// <summary>The meshes the sandbox can seed its demo estate with.</summary>
public enum DemoMesh
{
    Linkerd,
    Istio,
}

public static class DemoMeshes
{
    /// <summary>The demo mesh of a mesh family (<c>linkerd</c>, <c>istio</c>, case-insensitive).</summary>
    /// <exception cref="ArgumentException">the sandbox cannot seed that mesh; the message names the ones it can.</exception>
    public static DemoMesh Parse(string family) =>
        Enum.TryParse<DemoMesh>(family, ignoreCase: true, out var mesh) && Enum.IsDefined(mesh)
            ? mesh
            : throw new ArgumentException($"mesh: the sandbox can seed its demo estate with {string.Join(" or ", Enum.GetNames<DemoMesh>().Select(n => n.ToLowerInvariant()))}, not '{family}'");
}
