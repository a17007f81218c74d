using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kubemate.Model.Access;
using Kubemate.Model.Kube;

namespace Kubemate.Drivers.Linkerd.Access;

/// <summary>
/// Peers as Linkerd names them: identity strings (<c>web.shop.serviceaccount.identity.linkerd.cluster.local</c>,
/// <c>*.shop.serviceaccount…</c> for a namespace, <c>*</c> for any meshed client) or identityRefs
/// (<c>{kind: ServiceAccount, name, namespace}</c>, <c>{kind: Namespace, name}</c>).
/// </summary>
internal static partial class LinkerdIdentities
{
    /// <summary>The service account a peer authenticates as (a workload's resolved one).</summary>
    public static string? ServiceAccountName(Peer peer) => peer.Kind == PeerKind.Workload ? peer.ServiceAccount : peer.Name;

    public static string? ToIdentityString(Peer peer, string? defaultNamespace, string trustDomain) => peer.Kind switch
    {
        PeerKind.AnyMeshed => "*",
        PeerKind.Namespace => $"*.{peer.Name}.serviceaccount.identity.linkerd.{trustDomain}",
        _ when (peer.Namespace ?? defaultNamespace) is string ns && ServiceAccountName(peer) is string sa => $"{sa}.{ns}.serviceaccount.identity.linkerd.{trustDomain}",
        _ => null,
    };

    public static JsonObject ToIdentityRef(Peer peer)
    {
        if (peer.Kind == PeerKind.Namespace)
        {
            return new JsonObject { ["kind"] = "Namespace", ["name"] = peer.Name };
        }
        return ServiceAccountRef(ServiceAccountName(peer) ?? "", peer.Namespace);
    }

    public static JsonObject ServiceAccountRef(string name, string? ns)
    {
        var reference = new JsonObject { ["kind"] = "ServiceAccount", ["name"] = name };
        if (ns is not null)
        {
            reference["namespace"] = ns;
        }
        return reference;
    }

    /// <summary>Parses an identity string; null when it is not one Kubemate can express.</summary>
    public static (Peer Peer, string? TrustDomain)? FromIdentityString(string identity)
    {
        if (identity == "*")
        {
            return (Peer.AnyMeshed, null);
        }
        var match = IdentityPattern().Match(identity);
        if (!match.Success)
        {
            return null;
        }
        var name = match.Groups[1].Value;
        var ns = match.Groups[2].Value;
        var peer = name == "*" ? Peer.ForNamespace(ns) : Peer.ForServiceAccount(name, ns);
        return (peer, match.Groups[3].Value);
    }

    public static Peer? FromIdentityRef(JsonObject reference)
    {
        if (!KubeJson.HasOnly(reference, "group", "kind", "name", "namespace") || (KubeJson.String(reference, "group") ?? "") != ""
            || KubeJson.String(reference, "name") is not string name)
        {
            return null;
        }
        return KubeJson.String(reference, "kind") switch
        {
            "ServiceAccount" => Peer.ForServiceAccount(name, KubeJson.String(reference, "namespace")),
            "Namespace" when reference["namespace"] is null => Peer.ForNamespace(name),
            _ => null,
        };
    }

    [GeneratedRegex(@"^(\*|[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)\.([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)\.serviceaccount\.identity\.linkerd\.(.+)$")]
    private static partial Regex IdentityPattern();
}
