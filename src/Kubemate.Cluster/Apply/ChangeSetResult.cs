namespace Kubemate.Cluster.Apply;

/// <summary>The outcome of a change set: one result per change, in change-set order.</summary>
public sealed record ChangeSetResult(IReadOnlyList<ObjectResult> Objects)
{
    public bool Succeeded => Objects.All(o => o.Status is ObjectStatus.Applied or ObjectStatus.Unchanged or ObjectStatus.DryRunOk);
}
