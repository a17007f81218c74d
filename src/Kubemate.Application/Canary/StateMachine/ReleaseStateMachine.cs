using Kubemate.Application.Canary.Resource;
using Kubemate.Model.Validation;

namespace Kubemate.Application.Canary.StateMachine;

/// <summary>
/// Decides a release's next status and traffic from its spec, its status, the canary pods' health, the latest check
/// and an operator's action. Pure but for the clock. One evaluation, in this order:
/// the action (and, in manual mode, the weight the spec gives); the pods (crash-looping, or not ready while the canary may get requests: roll back before any metric);
/// the check (NotEnoughRequests holds, a failure counts, enough failures roll back); the progress deadline; then the
/// next step, gate or promotion. A rollback is one change of the traffic to all stable.
/// </summary>
public sealed class ReleaseStateMachine(TimeProvider time)
{
    /// <exception cref="ModelValidationException">the spec is invalid (every problem named, from <c>spec.</c>).</exception>
    /// <exception cref="ReleaseActionRefusedException">the action does not apply to the release as it is.</exception>
    public ReleaseDecision Next(ReleaseInput input)
    {
        var problems = input.Spec.Validate("spec").ToList();
        if (problems.Count > 0)
        {
            throw new ModelValidationException(problems);
        }
        var run = new ReleaseRun(input.Spec, input.Status, time.GetUtcNow());
        run.Observe(input.Generation);
        if (input.Action is not null)
        {
            ReleaseActions.Apply(run, input.Action);
        }
        run.FollowManualWeight();
        if (run.RollBackForPods(input.CanaryPods))
        {
            return run.Decision();
        }
        if (input.Check is not null)
        {
            run.Record(input.Check);
        }
        if (!run.RollBackForChecks() && !run.FailPastDeadline())
        {
            run.Advance(input.CanaryPods, input.GatesOpen);
        }
        return run.Decision();
    }

    /// <summary>Whether a check is due: the canary takes requests, and an interval has passed since the last check or the step's start.</summary>
    public bool CheckDue(CanaryReleaseSpec spec, CanaryReleaseStatus status)
    {
        if (spec.Analysis is not { } analysis || !DurationChecks.TryParse(analysis.Interval, out var interval)
            || status.Phase is not (ReleasePhase.Progressing or ReleasePhase.WaitingForApproval)
            || (status.CurrentWeight == 0 && !status.MatchActive))
        {
            return false;
        }
        var since = new[] { status.LastCheckTime, status.StepStartedAt }.Max();
        return since is null || time.GetUtcNow() - since.Value >= interval;
    }
}
