using Kubemate.Cluster.Objects;

namespace Kubemate.Cluster.Apply;

/// <summary>The outcome for one object of a change set.</summary>
public sealed record ObjectResult(ObjectRef Object, ObjectOperation Operation, ObjectStatus Status, ObjectDiff? Diff, string? Reason = null)
{
    public IReadOnlyList<FieldConflict> Conflicts { get; init; } = [];
}
