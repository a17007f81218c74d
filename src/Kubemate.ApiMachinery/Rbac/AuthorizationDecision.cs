namespace Kubemate.ApiMachinery.Rbac;

/// <summary>
/// The outcome of an authorization check. When allowed, <see cref="Reason"/> names the binding and role that allowed
/// it (<c>RBAC: allowed by ClusterRoleBinding "x" of ClusterRole "y" to User "alice"</c>); when denied, it is the
/// Forbidden message the apiserver returns.
/// </summary>
public sealed record AuthorizationDecision(bool Allowed, string Reason)
{
    /// <summary>Problems met while resolving bindings (e.g. a binding to a role that does not exist).</summary>
    public IReadOnlyList<string> EvaluationErrors { get; init; } = [];

    public bool Equals(AuthorizationDecision? other) =>
        other is not null && Allowed == other.Allowed && Reason == other.Reason && EvaluationErrors.SequenceEqual(other.EvaluationErrors);

    public override int GetHashCode() => HashCode.Combine(Allowed, Reason);
}
