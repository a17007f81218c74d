using Kubemate.Application.Canary.Resource;
using Kubemate.Model.Collections;

namespace Kubemate.Application.Canary.StateMachine;

/// <summary>The traffic a release wants: the canary's percent of requests, and in A/B mode whether matching requests go to it.</summary>
public sealed record DesiredTraffic(int CanaryWeight, bool MatchToCanary)
{
    public static DesiredTraffic Of(CanaryReleaseStatus status) => new(status.CurrentWeight, status.MatchActive);
}

/// <summary>A phase change, for a Kubernetes Event and the notification webhooks.</summary>
public sealed record ReleaseTransition(ReleasePhase From, ReleasePhase To, string Reason, string Message);

/// <summary>The outcome of one evaluation: the status to write, the traffic to route, and the phase changes on the way.</summary>
public sealed record ReleaseDecision(CanaryReleaseStatus Status, DesiredTraffic Traffic, ValueList<ReleaseTransition> Transitions);
