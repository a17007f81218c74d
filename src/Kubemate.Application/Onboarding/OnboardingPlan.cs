using Kubemate.Cluster.Apply;

namespace Kubemate.Application.Onboarding;

/// <summary>The dry run of an onboarding: the injection change and which workloads would restart or be skipped.</summary>
public sealed record OnboardingPlan(string Namespace, bool Enable, ObjectDiff InjectionDiff, IReadOnlyList<PlannedRestart> Restarts, IReadOnlyList<SkippedWorkload> Skipped)
{
    /// <summary>The workload the request was limited to (<c>deployment/orders</c>), or null for the whole namespace.</summary>
    public string? Workload { get; init; }
}

/// <summary>A workload that would restart, with its pods now.</summary>
public sealed record PlannedRestart(string Kind, string Name, int Pods, int MeshedPods);

/// <summary>A workload left alone. <see cref="Reason"/> is a stable code (see <see cref="SkipReasons"/>); <see cref="Detail"/> says why in words.</summary>
public sealed record SkippedWorkload(string Kind, string Name, string Reason)
{
    public string Detail { get; init; } = "";
}

/// <summary>The stable codes of <see cref="SkippedWorkload.Reason"/> and <see cref="WorkloadMeshStatus.SkipReason"/>.</summary>
public static class SkipReasons
{
    /// <summary>The pod template opts out of injection (e.g. <c>linkerd.io/inject: disabled</c>), so enabling the namespace does not mesh it.</summary>
    public const string InjectDisabled = "inject-disabled";

    /// <summary>The pods use the node's network; no mesh injects them.</summary>
    public const string HostNetwork = "host-network";

    /// <summary>Nothing to roll: a pod without a controller, or a controller without a pod template.</summary>
    public const string NoPodTemplate = "no-pod-template";

    /// <summary>Disabling a namespace: the pod template itself asks for the proxy (e.g. <c>linkerd.io/inject: enabled</c>), so it keeps it.</summary>
    public const string WorkloadOverride = "workload-override";

    /// <summary>Every pod already has (enable) or lacks (disable) the proxy.</summary>
    public const string AlreadyInState = "already-in-state";
}
