namespace Kubemate.Application.Canary.Resource;

public enum ConditionStatus
{
    True,
    False,
    Unknown,
}

/// <summary>A Kubernetes-style condition of the release status, one per <see cref="ReleasePhase"/>.</summary>
public sealed record ReleaseCondition(ReleasePhase Type, ConditionStatus Status, DateTimeOffset LastTransitionTime, string? Reason = null, string? Message = null);
