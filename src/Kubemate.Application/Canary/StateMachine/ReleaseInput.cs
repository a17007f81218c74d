using Kubemate.Application.Canary.Analysis;
using Kubemate.Application.Canary.Resource;

namespace Kubemate.Application.Canary.StateMachine;

/// <summary>
/// Everything one evaluation of a release looks at: the spec (and its generation), the status so far, the canary
/// pods' health, the check run since the last evaluation if one was due, and an operator's action if one came.
/// </summary>
public sealed record ReleaseInput
{
    public required CanaryReleaseSpec Spec { get; init; }

    /// <summary><c>metadata.generation</c>: a newer spec than the status observed retries a rolled-back or failed release.</summary>
    public long Generation { get; init; } = 1;

    public required CanaryReleaseStatus Status { get; init; }

    public required PodHealth CanaryPods { get; init; }

    public AnalysisCheck? Check { get; init; }

    public ReleaseAction? Action { get; init; }

    /// <summary>
    /// Whether the release may move forward on its own (start, next step, promotion): false while a gate webhook
    /// holds it. Safety (rollback, deadline) and a person's actions are not gated.
    /// </summary>
    public bool GatesOpen { get; init; } = true;
}
