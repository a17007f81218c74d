namespace Kubemate.Application.Canary.Resource;

/// <summary>Where a release is; each phase is also a condition type of the status.</summary>
public enum ReleasePhase
{
    /// <summary>Accepted; waiting for the canary pods to be ready before any traffic moves.</summary>
    Initialized,

    /// <summary>The canary takes traffic (a step's weight, the manual weight, or the A/B match) and is judged.</summary>
    Progressing,

    /// <summary>Held until a person approves the next step or the promotion.</summary>
    WaitingForApproval,

    /// <summary>The canary takes all traffic; the release succeeds once its pods are still healthy.</summary>
    Promoting,

    Succeeded,

    /// <summary>All traffic is back on stable because a check, the pods or a person said so.</summary>
    RolledBack,

    /// <summary>The release made no progress within its deadline; all traffic is back on stable.</summary>
    Failed,
}
