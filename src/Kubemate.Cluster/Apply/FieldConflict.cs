namespace Kubemate.Cluster.Apply;

/// <summary>A field the change would set that another field manager owns, e.g. <c>.spec.replicas</c> owned by <c>kubectl</c>.</summary>
public sealed record FieldConflict(string Field, string Manager, string Message)
{
    /// <summary>The Kubemate user who last changed the object, when the audit trail knows (all Kubemate users share one manager).</summary>
    public string? ChangedBy { get; init; }

    public DateTimeOffset? ChangedAt { get; init; }
}
