using Kubemate.Application.Canary.Analysis;
using Kubemate.Application.Canary.Resource;
using Kubemate.Model.Validation;

namespace Kubemate.Application.Canary.StateMachine;

/// <summary>
/// One evaluation of a release in progress: the status as it changes and the transitions made on the way. Every
/// move sets the traffic through the status (<see cref="CanaryReleaseStatus.CurrentWeight"/>, <see cref="CanaryReleaseStatus.MatchActive"/>).
/// </summary>
internal sealed class ReleaseRun(CanaryReleaseSpec spec, CanaryReleaseStatus status, DateTimeOffset now)
{
    private readonly List<ReleaseTransition> _transitions = [];

    public CanaryReleaseSpec Spec { get; } = spec;

    public DateTimeOffset Now { get; } = now;

    public CanaryReleaseStatus Status { get; private set; } = status;

    /// <summary>Whether the release still runs: it may move traffic and its safety checks apply.</summary>
    public bool IsActive => Status.Phase is ReleasePhase.Initialized or ReleasePhase.Progressing or ReleasePhase.WaitingForApproval or ReleasePhase.Promoting;

    /// <summary>Whether the canary takes traffic that checks can judge.</summary>
    public bool IsJudged => Status.Phase is ReleasePhase.Progressing or ReleasePhase.WaitingForApproval;

    public ReleaseDecision Decision() => new(Status, DesiredTraffic.Of(Status), [.. _transitions]);

    /// <summary>Starts the conditions of a new release, and retries an ended one whose spec changed since (the canary was fixed).</summary>
    public void Observe(long generation)
    {
        if (Status.Conditions.Count == 0)
        {
            MoveTo(ReleasePhase.Initialized, "Created", "waiting for the canary pods to be ready");
        }
        if (generation > Status.ObservedGeneration)
        {
            var retry = Status.ObservedGeneration > 0 && Status.Phase is ReleasePhase.RolledBack or ReleasePhase.Failed;
            Status = Status with { ObservedGeneration = generation };
            if (retry)
            {
                Retry("SpecChanged", "the spec changed after the release ended: a new attempt starts");
            }
        }
    }

    public void Retry(string reason, string message) => MoveTo(ReleasePhase.Initialized, reason, message, s => s with
    {
        Attempt = s.Attempt + 1,
        FailedChecks = 0,
        CurrentStep = null,
        CurrentWeight = 0,
        MatchActive = false,
        StepStartedAt = null,
        StepPassed = false,
        Paused = false,
    });

    /// <summary>Adds a check to the history; a pass counts for the current step only, a failure always counts.</summary>
    public void Record(AnalysisCheck check)
    {
        if (!IsJudged)
        {
            return;
        }
        var current = check.Step == Status.CurrentStep && check.Time >= (Status.StepStartedAt ?? DateTimeOffset.MinValue);
        Status = Status with
        {
            History = [.. Status.History.Append(check with { Attempt = Status.Attempt }).TakeLast(CanaryReleaseStatus.HistoryLimit)],
            LastCheckTime = check.Time,
            LastProgressTime = Now,
            FailedChecks = Status.FailedChecks + (check.Verdict == Verdict.Fail ? 1 : 0),
            StepPassed = check.Verdict switch
            {
                Verdict.Pass => current || Status.StepPassed,
                Verdict.Fail => false,
                _ => Status.StepPassed,
            },
        };
    }

    /// <summary>Manual mode: a running release takes the weight the spec now gives (a person moved the slider, or Git did).</summary>
    public void FollowManualWeight()
    {
        if (Spec.Mode != ReleaseMode.Manual || Status.Phase != ReleasePhase.Progressing || Status.CurrentWeight == Spec.ManualWeight)
        {
            return;
        }
        Change("WeightSet", $"a person set the canary weight to {Spec.ManualWeight} %", s => s with
        {
            CurrentWeight = Spec.ManualWeight,
            StepStartedAt = Now,
            StepPassed = false,
        });
    }

    /// <summary>Rolls back at once when canary pods crash-loop, or are not ready while the canary may get requests.</summary>
    public bool RollBackForPods(PodHealth pods)
    {
        if (!IsActive || pods.IsHealthy || (pods.Kind == PodHealthKind.NotReady && Status.Phase == ReleasePhase.Initialized))
        {
            return false;
        }
        RollBack(pods.Kind == PodHealthKind.CrashLooping ? "CanaryCrashLooping" : "CanaryNotReady", pods.Message);
        return true;
    }

    public bool RollBackForChecks()
    {
        if (!IsJudged || Spec.Analysis is not { } analysis || Status.FailedChecks < analysis.FailedChecks)
        {
            return false;
        }
        var last = Status.History.LastOrDefault(c => c.Verdict == Verdict.Fail);
        RollBack("AnalysisFailed", $"{Status.FailedChecks} failed checks (the limit is {analysis.FailedChecks}); the last: {last?.Reason}");
        return true;
    }

    /// <summary>Fails a release that made no progress (no new step, no check) within its deadline; waits for a person do not count.</summary>
    public bool FailPastDeadline()
    {
        var counts = Status.Phase == ReleasePhase.Initialized
            || Status.Phase == ReleasePhase.Promoting
            || (Status.Phase == ReleasePhase.Progressing && Spec.Mode != ReleaseMode.Manual);
        var deadline = Spec.ProgressDeadlineOrDefault();
        if (!counts || Status.Paused || Now - (Status.LastProgressTime ?? Now) <= deadline)
        {
            return false;
        }
        MoveTo(ReleasePhase.Failed, "ProgressDeadlineExceeded", $"no progress for {deadline}: all requests go to stable", ToStable);
        return true;
    }

    /// <summary>Moves on when nothing holds the release: the pods are ready, the step's pause is over and a check passed.</summary>
    public void Advance(PodHealth pods, bool gatesOpen = true)
    {
        if (Status.Paused || !pods.IsHealthy)
        {
            return;
        }
        switch (Status.Phase)
        {
            case ReleasePhase.Initialized when gatesOpen:
                Start();
                break;
            case ReleasePhase.Progressing when gatesOpen && StepDone():
                MoveOn(gateOpened: false, promotionReason: "StepsCompleted");
                break;
            case ReleasePhase.Promoting when Now > Status.StepStartedAt:
                MoveTo(ReleasePhase.Succeeded, "Promoted", "the canary takes all requests and its pods are ready");
                break;
        }
    }

    /// <summary>Opens the gate the release waits at: the next step, or the promotion.</summary>
    public void OpenGate() => MoveOn(gateOpened: true, promotionReason: "Approved");

    public void BeginPromotion(bool gateOpened, string reason)
    {
        if (Spec.Approval?.BeforePromotion == true && !gateOpened)
        {
            MoveTo(ReleasePhase.WaitingForApproval, "PromotionApprovalRequired", "the promotion waits for approval");
            return;
        }
        MoveTo(ReleasePhase.Promoting, reason, "the canary gets all requests", s => s with
        {
            CurrentWeight = 100,
            MatchActive = false,
            StepStartedAt = Now,
            Paused = false,
        });
    }

    public void RollBack(string reason, string message) => MoveTo(ReleasePhase.RolledBack, reason, message, ToStable);

    /// <summary>A change within the phase (a weight set, a pause, a restarted analysis), recorded as a transition for its Event.</summary>
    public void Change(string reason, string message, Func<CanaryReleaseStatus, CanaryReleaseStatus> change) =>
        MoveTo(Status.Phase, reason, message, change);

    private void Start()
    {
        switch (Spec.Mode)
        {
            case ReleaseMode.Progressive:
                EnterStep(0, gateOpened: false);
                break;
            case ReleaseMode.Manual:
                MoveTo(ReleasePhase.Progressing, "Started", $"manual mode: the canary gets the weight a person sets, now {Spec.ManualWeight} %",
                    s => NewStep(s) with { CurrentWeight = Spec.ManualWeight });
                break;
            default:
                MoveTo(ReleasePhase.Progressing, "Started", "requests matching the A/B headers or cookies go to the canary", s => NewStep(s) with { MatchActive = true });
                break;
        }
    }

    private bool StepDone()
    {
        if (Spec.Mode == ReleaseMode.Manual)
        {
            return false;
        }
        string? pause;
        if (Spec.Mode == ReleaseMode.AB)
        {
            pause = Spec.Ab?.Duration;
        }
        else if (Status.CurrentStep is { } step && step < Spec.Steps.Count)
        {
            pause = Spec.Steps[step].Pause;
        }
        else
        {
            return true;
        }
        var held = !DurationChecks.TryParse(pause, out var least) || Now - (Status.StepStartedAt ?? Now) >= least;
        return held && (Spec.Analysis is null || Status.StepPassed);
    }

    /// <summary>Enters the next step, or begins the promotion after the last one (or in modes without steps).</summary>
    private void MoveOn(bool gateOpened, string promotionReason)
    {
        var next = (Status.CurrentStep ?? -1) + 1;
        if (Spec.Mode == ReleaseMode.Progressive && next < Spec.Steps.Count)
        {
            EnterStep(next, gateOpened);
        }
        else
        {
            BeginPromotion(gateOpened, promotionReason);
        }
    }

    private void EnterStep(int index, bool gateOpened)
    {
        var step = Spec.Steps[index];
        if (step.Approval && !gateOpened)
        {
            MoveTo(ReleasePhase.WaitingForApproval, "StepApprovalRequired", $"step {index + 1} ({step.Weight} %) waits for approval");
            return;
        }
        MoveTo(ReleasePhase.Progressing, index == 0 ? "Started" : "StepAdvanced",
            $"step {index + 1} of {Spec.Steps.Count}: the canary gets {step.Weight} %",
            s => NewStep(s) with { CurrentStep = index, CurrentWeight = step.Weight });
    }

    private CanaryReleaseStatus NewStep(CanaryReleaseStatus s) => s with { StepStartedAt = Now, StepPassed = false };

    private static CanaryReleaseStatus ToStable(CanaryReleaseStatus s) => s with { CurrentWeight = 0, MatchActive = false, Paused = false };

    private void MoveTo(ReleasePhase phase, string reason, string message, Func<CanaryReleaseStatus, CanaryReleaseStatus>? change = null)
    {
        var from = Status.Phase;
        var changed = (change?.Invoke(Status) ?? Status) with { Phase = phase, Message = message, LastProgressTime = Now };
        Status = changed with { Conditions = ReleaseConditions.Enter(changed.Conditions, from, phase, reason, message, Now) };
        _transitions.Add(new(from, phase, reason, message));
    }
}
