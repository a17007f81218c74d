namespace Kubemate.Application.Canary.StateMachine;

/// <summary>An operator action that does not apply to the release as it is; nothing changed.</summary>
public sealed class ReleaseActionRefusedException(ReleaseAction action, string reason)
    : Exception($"{action.Verb}: {reason}")
{
    public ReleaseAction Action { get; } = action;

    public string Reason { get; } = reason;
}
