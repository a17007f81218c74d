namespace Kubemate.Application.Access;

/// <summary>What Kubernetes answered to "may I?": when denied, its reason (may be empty: RBAC often gives none).</summary>
public sealed record AccessDecision(bool Allowed, string Reason)
{
    public static AccessDecision Allow { get; } = new(true, "");
}
