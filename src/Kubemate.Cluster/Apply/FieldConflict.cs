namespace Kubemate.Cluster.Apply;

/// <summary>A field the change would set that another field manager owns, e.g. <c>.spec.replicas</c> owned by <c>kubectl</c>.</summary>
public sealed record FieldConflict(string Field, string Manager, string Message);
