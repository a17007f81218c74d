using Kubemate.Application.Canary.Analysis;
using Kubemate.Application.Canary.Resource;
using Kubemate.Application.Canary.StateMachine;
using Microsoft.Extensions.Time.Testing;

namespace Kubemate.Application.Tests.Canary;

/// <summary>
/// Drives one release through the state machine on a fake clock, as the controller will: each evaluation feeds the
/// status back in, and every transition is kept.
/// </summary>
internal sealed class ReleaseDriver
{
    public static readonly DateTimeOffset Start = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    public ReleaseDriver(CanaryReleaseSpec spec)
    {
        Spec = spec;
        Machine = new ReleaseStateMachine(Clock);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public ReleaseStateMachine Machine { get; }

    public CanaryReleaseSpec Spec { get; set; }

    public long Generation { get; set; } = 1;

    public CanaryReleaseStatus Status { get; private set; } = new();

    public ReleaseDecision? Last { get; private set; }

    public List<ReleaseTransition> Transitions { get; } = [];

    public DateTimeOffset Now => Clock.GetUtcNow();

    public ReleaseDecision Evaluate(PodHealth? pods = null, AnalysisCheck? check = null, ReleaseAction? action = null)
    {
        Last = Machine.Next(new ReleaseInput { Spec = Spec, Generation = Generation, Status = Status, CanaryPods = pods ?? PodHealth.Healthy, Check = check, Action = action });
        Status = Last.Status;
        Transitions.AddRange(Last.Transitions);
        return Last;
    }

    public ReleaseDecision Act(ReleaseAction action) => Evaluate(action: action);

    /// <summary>A person moves the manual weight: a new spec generation, then an evaluation.</summary>
    public ReleaseDecision SetWeight(int weight)
    {
        Spec = Spec with { Weight = weight };
        Generation++;
        return Evaluate();
    }

    /// <summary>Lets time pass, then evaluates with a check of the current step judged from <paramref name="judge"/>.</summary>
    public ReleaseDecision CheckAfter(TimeSpan wait, Func<DateTimeOffset, int?, int, AnalysisCheck> judge, PodHealth? pods = null)
    {
        Clock.Advance(wait);
        return Evaluate(pods, judge(Now, Status.CurrentStep, Status.CurrentWeight));
    }

    public ReleaseDecision After(TimeSpan wait, PodHealth? pods = null)
    {
        Clock.Advance(wait);
        return Evaluate(pods);
    }

    /// <summary>Passes the current step: its pause, with a passing check every 10 s.</summary>
    public void PassStep(TimeSpan pause)
    {
        for (var waited = TimeSpan.Zero; waited < pause; waited += TimeSpan.FromSeconds(10))
        {
            CheckAfter(TimeSpan.FromSeconds(10), CanaryChecks.Passing);
        }
    }
}
