using Kubemate.Model.Collections;

namespace Kubemate.Application.Canary.Resource;

/// <summary>
/// The status of a <c>CanaryRelease</c>, written only by the release state machine: the phase and its conditions,
/// the traffic it asked for, the clocks of the current step and of the progress deadline, and the analysis history.
/// </summary>
public sealed record CanaryReleaseStatus
{
    /// <summary>Checks kept in <see cref="History"/>; older ones are dropped first.</summary>
    public const int HistoryLimit = 100;

    public long ObservedGeneration { get; init; }

    public ReleasePhase Phase { get; init; } = ReleasePhase.Initialized;

    public bool Paused { get; init; }

    /// <summary>1 for the first run; each retry after a rollback or failure adds one.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>Percent of the Service's requests the canary should get.</summary>
    public int CurrentWeight { get; init; }

    /// <summary>Index into the spec's steps (progressive mode) while a step is running.</summary>
    public int? CurrentStep { get; init; }

    /// <summary>A/B mode: whether matching requests go to the canary.</summary>
    public bool MatchActive { get; init; }

    public DateTimeOffset? StepStartedAt { get; init; }

    /// <summary>Whether the latest judged check of the current step passed (NotEnoughRequests leaves it as it was).</summary>
    public bool StepPassed { get; init; }

    public DateTimeOffset? LastProgressTime { get; init; }

    public DateTimeOffset? LastCheckTime { get; init; }

    /// <summary>Failed checks in this attempt.</summary>
    public int FailedChecks { get; init; }

    public string? Message { get; init; }

    /// <summary>The id of the last operator action the controller took or refused (see <c>PendingAction</c>).</summary>
    public string? LastAction { get; init; }

    /// <summary>What came of <see cref="LastAction"/>: <c>done</c>, or <c>refused: </c> and the reason.</summary>
    public string? LastActionResult { get; init; }

    public ValueList<ReleaseCondition> Conditions { get; init; } = [];

    public ValueList<AnalysisCheck> History { get; init; } = [];
}
