using Kubemate.Application.Canary.Resource;

namespace Kubemate.Application.Canary.StateMachine;

/// <summary>Applies an operator action to a release, or refuses it with the reason (and changes nothing).</summary>
internal static class ReleaseActions
{
    public static void Apply(ReleaseRun run, ReleaseAction action)
    {
        var phase = run.Status.Phase;
        switch (action)
        {
            case ReleaseAction.Pause:
                Refuse(action, EndedReason(run) ?? (run.Status.Paused ? "the release is paused already" : null));
                run.Change("Paused", "a person paused the release; pod health and failed checks still roll it back", s => s with { Paused = true });
                break;
            case ReleaseAction.Resume:
                Refuse(action, EndedReason(run) ?? (run.Status.Paused ? null : "the release is not paused"));
                run.Change("Resumed", "a person resumed the release", s => s with { Paused = false });
                break;
            case ReleaseAction.Approve:
                Refuse(action, phase == ReleasePhase.WaitingForApproval ? null : $"nothing waits for approval: the release is {phase}");
                run.OpenGate();
                break;
            case ReleaseAction.PromoteNow:
                Refuse(action, phase switch
                {
                    ReleasePhase.Promoting or ReleasePhase.Succeeded => $"the canary is promoted already ({phase})",
                    ReleasePhase.RolledBack or ReleasePhase.Failed => $"the release has ended ({phase}); restart-analysis retries it",
                    _ => null,
                });
                run.BeginPromotion(gateOpened: true, "PromotedByOperator");
                break;
            case ReleaseAction.RollBackNow:
                Refuse(action, phase is ReleasePhase.RolledBack or ReleasePhase.Failed ? $"all requests go to stable already ({phase})" : null);
                run.RollBack("RolledBackByOperator", "a person rolled the release back: all requests go to stable");
                break;
            case ReleaseAction.RestartAnalysis:
                RestartAnalysis(run, action);
                break;
        }
    }

    private static void RestartAnalysis(ReleaseRun run, ReleaseAction action)
    {
        switch (run.Status.Phase)
        {
            case ReleasePhase.RolledBack or ReleasePhase.Failed:
                run.Retry("RetriedByOperator", "a person retried the release: a new attempt starts");
                break;
            case ReleasePhase.Progressing or ReleasePhase.WaitingForApproval:
                run.Change("AnalysisRestarted", "a person restarted the analysis: failed checks are forgotten and the step is judged afresh", s => s with
                {
                    FailedChecks = 0,
                    StepPassed = false,
                    StepStartedAt = run.Now,
                });
                break;
            default:
                Refuse(action, $"no analysis runs while the release is {run.Status.Phase}");
                break;
        }
    }

    private static string? EndedReason(ReleaseRun run) => run.IsActive ? null : $"the release has ended ({run.Status.Phase})";

    private static void Refuse(ReleaseAction action, string? reason)
    {
        if (reason is not null)
        {
            throw new ReleaseActionRefusedException(action, reason);
        }
    }
}
