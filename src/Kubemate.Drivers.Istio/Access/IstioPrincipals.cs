using Kubemate.Model.Access;

namespace Kubemate.Drivers.Istio.Access;

/// <summary>Istio principals: <c>cluster.local/ns/shop/sa/web</c>, <c>*</c> for any authenticated client.</summary>
internal static class IstioPrincipals
{
    public static string? ToPrincipal(Peer peer, string? defaultNamespace, string trustDomain)
    {
        if (peer.Kind == PeerKind.AnyMeshed)
        {
            return "*";
        }
        var account = peer.Kind == PeerKind.Workload ? peer.ServiceAccount : peer.Name;
        var ns = peer.Namespace ?? defaultNamespace;
        return account is null || ns is null ? null : $"{trustDomain}/ns/{ns}/sa/{account}";
    }

    public static Peer? FromPrincipal(string principal, string trustDomain)
    {
        if (principal == "*")
        {
            return Peer.AnyMeshed;
        }
        var parts = principal.Split('/');
        return parts is [var domain, "ns", var ns, "sa", var account] && domain == trustDomain && ns.Length > 0 && account.Length > 0
            ? Peer.ForServiceAccount(account, ns)
            : null;
    }
}
