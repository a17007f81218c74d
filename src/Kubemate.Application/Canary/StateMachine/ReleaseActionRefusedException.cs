namespace Kubemate.Application.Canary.StateMachine;

/// <summary>An operator action (or a weight) that does not apply to the release as it is; nothing changed.</summary>
public sealed class ReleaseActionRefusedException(string verb, string reason) : Exception($"{verb}: {reason}")
{
    public ReleaseActionRefusedException(ReleaseAction action, string reason)
        : this(action.Verb, reason)
    {
    }

    public string Verb { get; } = verb;

    public string Reason { get; } = reason;
}
