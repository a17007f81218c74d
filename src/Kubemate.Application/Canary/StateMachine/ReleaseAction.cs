namespace Kubemate.Application.Canary.StateMachine;

/// <summary>
/// What an operator asks of a running release (from the REST API, the console or the CLI). The manual weight is not
/// an action: it is the spec's <c>weight</c>, so that it can live in Git like the rest of the release.
/// </summary>
public abstract record ReleaseAction
{
    /// <summary>Stop advancing; safety (pod health, failed checks) still rolls back.</summary>
    public sealed record Pause : ReleaseAction;

    public sealed record Resume : ReleaseAction;

    /// <summary>Open the gate the release waits at: the next step or the promotion.</summary>
    public sealed record Approve : ReleaseAction;

    /// <summary>Send all requests to the canary now, skipping the remaining steps and gates.</summary>
    public sealed record PromoteNow : ReleaseAction;

    /// <summary>Send all requests to stable now.</summary>
    public sealed record RollBackNow : ReleaseAction;

    /// <summary>
    /// Forget this step's checks and failures and judge afresh; after a rollback or a failure, retry the release
    /// from the start (after the canary is fixed).
    /// </summary>
    public sealed record RestartAnalysis : ReleaseAction;

    /// <summary>The action's name as the surfaces spell it (<c>set-weight</c>, <c>promote</c>).</summary>
    public string Verb => this switch
    {
        Pause => "pause",
        Resume => "resume",
        Approve => "approve",
        PromoteNow => "promote",
        RollBackNow => "rollback",
        _ => "restart-analysis",
    };
}
