using Kubemate.Cluster.Apply;

namespace Kubemate.Application.Canary.Releases;

/// <summary>What became of an action the controller takes.</summary>
public enum ActionState
{
    /// <summary>The person's change was not applied (see the change result: forbidden, conflict…).</summary>
    Failed,

    /// <summary>Applied; no controller took the action within the wait (it will when one leads).</summary>
    Queued,

    /// <summary>The controller took the action.</summary>
    Done,

    /// <summary>The controller refused it: the release changed in between (the message says why).</summary>
    Refused,
}

/// <summary>An operator action: the change the person applied (audited), what the controller made of it, and the release after.</summary>
public sealed record ActionOutcome(string Verb, ActionState State, string Message, ChangeSetResult Change, ReleaseSummary? Release);
