namespace Kubemate.Cluster.Http;

/// <summary>One cause from a Kubernetes Status (e.g. <c>FieldManagerConflict</c> on <c>.spec.replicas</c>).</summary>
public sealed record StatusCause(string Reason, string Message, string Field);
