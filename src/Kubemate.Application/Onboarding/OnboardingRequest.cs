namespace Kubemate.Application.Onboarding;

/// <summary>Switch proxy injection on or off for a namespace, or for one workload in it, and roll what needs it.</summary>
public sealed record OnboardingRequest(string Namespace, bool Enable)
{
    /// <summary><c>deployment/orders</c>, <c>statefulset/x</c>, <c>daemonset/y</c>; null for the whole namespace.</summary>
    public string? Workload { get; init; }

    /// <summary>How many workloads restart at the same time.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>How long one workload may take to finish its rollout before it counts as failed.</summary>
    public TimeSpan RolloutTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
