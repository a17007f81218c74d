using Kubemate.Cluster.Apply;

namespace Kubemate.Remote;

/// <summary>What turning the mesh on or off would do: the injection switch's diff, the restarts and the workloads left alone.</summary>
public sealed record MeshPlan(
    string Namespace,
    bool Enable,
    ObjectDiff InjectionDiff,
    IReadOnlyList<PlannedRestart> Restarts,
    IReadOnlyList<SkippedWorkload> Skipped)
{
    /// <summary>The workload the plan is limited to (<c>deployment/orders</c>), or null for the whole namespace.</summary>
    public string? Workload { get; init; }
}

/// <summary>A workload that will be restarted so its pods get (or lose) the proxy.</summary>
public sealed record PlannedRestart(string Kind, string Name, int Pods, int MeshedPods);

/// <summary>A workload that is left alone: a stable reason code (e.g. <c>inject-disabled</c>) and the reason in words.</summary>
public sealed record SkippedWorkload(string Kind, string Name, string Reason)
{
    public string Detail { get; init; } = "";
}
