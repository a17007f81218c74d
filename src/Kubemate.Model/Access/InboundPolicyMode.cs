namespace Kubemate.Model.Access;

/// <summary>
/// Who may connect when no explicit authorization applies. "Cluster" means clients from the cluster's own networks;
/// "authenticated" means clients with a mesh identity (mTLS).
/// </summary>
public enum InboundPolicyMode
{
    AllUnauthenticated,
    AllAuthenticated,
    ClusterUnauthenticated,
    ClusterAuthenticated,
    Deny,
    /// <summary>Allow everything but report what a deny policy would refuse.</summary>
    Audit,
}
