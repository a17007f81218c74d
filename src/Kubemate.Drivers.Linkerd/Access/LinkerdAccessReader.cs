using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Model.Access;
using Kubemate.Model.Collections;
using Kubemate.Model.Drivers;
using Kubemate.Model.Kube;

namespace Kubemate.Drivers.Linkerd.Access;

/// <summary>
/// Reads Linkerd policy into intents: each AuthorizationPolicy (with its authentications) or ServerAuthorization is
/// one source; sources on one target named <c>x</c>, <c>x-1</c>, <c>x-2</c> … form one intent, as they are rendered;
/// a Server nobody authorizes is an intent without sources.
/// </summary>
internal sealed class LinkerdAccessReader(ObjectPool pool)
{
    private sealed record ReadSource(string Name, string? Namespace, ReadTarget Target, AccessSource Source, SourceHints Raw, List<JsonObject> Objects);

    public IEnumerable<AccessIntent> Read()
    {
        var sources = new List<ReadSource>();
        foreach (var policy in pool.Unclaimed(LinkerdNames.PolicyGroup, "AuthorizationPolicy"))
        {
            if (AuthorizationPolicy(policy, out var reason) is { } source)
            {
                sources.Add(source);
            }
            else
            {
                pool.Decline(policy, reason);
            }
        }
        foreach (var authorization in pool.Unclaimed(LinkerdNames.PolicyGroup, "ServerAuthorization"))
        {
            if (ServerAuthorization(authorization, out var reason) is { } source)
            {
                sources.Add(source);
            }
            else
            {
                pool.Decline(authorization, reason);
            }
        }
        var intents = new List<AccessIntent>();
        foreach (var group in Group(sources))
        {
            group.SelectMany(s => s.Objects).ToList().ForEach(pool.Claim);
            intents.Add(Intent(group));
        }
        foreach (var server in pool.Unclaimed(LinkerdNames.PolicyGroup, "Server"))
        {
            var to = LinkerdTargetReader.FromServer(server, out var reason);
            if (to is null)
            {
                pool.Decline(server, reason);
                continue;
            }
            pool.Claim(server);
            intents.Add(new AccessIntent { Name = KubeJson.Name(server), Namespace = KubeJson.Namespace(server), To = to with { Name = null } });
        }
        foreach (var kind in new[] { "MeshTLSAuthentication", "NetworkAuthentication", "HTTPRoute" })
        {
            foreach (var obj in pool.Unclaimed(LinkerdNames.PolicyGroup, kind))
            {
                pool.Decline(obj, "no authorization among the objects read uses it");
            }
        }
        return intents;
    }

    private static List<List<ReadSource>> Group(List<ReadSource> sources)
    {
        var groups = new List<List<ReadSource>>();
        foreach (var source in sources)
        {
            var host = groups.FirstOrDefault(g => g[0].Namespace == source.Namespace && g[0].Target.Key == source.Target.Key
                && source.Name == AccessNames.Source(g[0].Name, g.Count));
            if (host is null)
            {
                groups.Add([source]);
            }
            else
            {
                host.Add(source);
            }
        }
        return groups;
    }

    private static AccessIntent Intent(List<ReadSource> group)
    {
        var first = group[0];
        var to = first.Target.To;
        if (to.Pods is not null && to.Name == first.Name)
        {
            to = to with { Name = null };
        }
        var hints = new JsonObject();
        var sourceHints = new JsonArray();
        for (var i = 0; i < group.Count; i++)
        {
            var raw = group[i].Raw;
            var canonicalName = AccessNames.Source(first.Name, i);
            var legacy = raw.Legacy;
            var hint = raw with
            {
                AuthorizationName = raw.AuthorizationName == canonicalName ? null : raw.AuthorizationName,
                MeshTlsName = raw.MeshTlsName == canonicalName ? null : raw.MeshTlsName,
                NetworkName = raw.NetworkName == canonicalName ? null : raw.NetworkName,
                TrustDomain = raw.TrustDomain == LinkerdNames.DefaultTrustDomain ? null : raw.TrustDomain,
                IdentityStrings = raw.IdentityStrings == SourceHints.CanonicalIdentityStrings(group[i].Source, legacy) ? null : raw.IdentityStrings,
            };
            sourceHints.Add(hint.ToJson());
        }
        if (sourceHints.Any(h => h is not null))
        {
            hints["from"] = sourceHints;
        }
        if (first.Target.RouteName is string route && route != first.Name)
        {
            hints["httpRoute"] = route;
        }
        var intent = new AccessIntent
        {
            Name = first.Name,
            Namespace = first.Namespace,
            To = to,
            From = group.Select(s => s.Source).ToValueList(),
            Http = first.Target.Http,
        };
        return ModelHints.With(intent, hints);
    }

    private ReadSource? AuthorizationPolicy(JsonObject policy, out string reason)
    {
        var ns = KubeJson.Namespace(policy);
        var target = Target(policy, ns, out reason);
        if (target is null)
        {
            return null;
        }
        JsonObject? meshTls = null, network = null;
        (string Name, string? Namespace)? direct = null;
        foreach (var node in KubeJson.Array(policy, "spec.requiredAuthenticationRefs") ?? [])
        {
            if (node is not JsonObject reference || KubeJson.String(reference, "name") is not string name)
            {
                reason = "an authentication reference has no name";
                return null;
            }
            var refNs = KubeJson.String(reference, "namespace");
            var group = KubeJson.String(reference, "group") ?? "";
            switch (group, KubeJson.String(reference, "kind"))
            {
                case ("", "ServiceAccount") when direct is null:
                    direct = (name, refNs);
                    break;
                case (LinkerdNames.PolicyGroup, "MeshTLSAuthentication") when meshTls is null && (refNs ?? ns) == ns:
                    meshTls = pool.Find(LinkerdNames.PolicyGroup, "MeshTLSAuthentication", ns, name);
                    if (meshTls is null)
                    {
                        reason = $"it requires MeshTLSAuthentication {name}, which is not among the objects read";
                        return null;
                    }
                    break;
                case (LinkerdNames.PolicyGroup, "NetworkAuthentication") when network is null && (refNs ?? ns) == ns:
                    network = pool.Find(LinkerdNames.PolicyGroup, "NetworkAuthentication", ns, name);
                    if (network is null)
                    {
                        reason = $"it requires NetworkAuthentication {name}, which is not among the objects read";
                        return null;
                    }
                    break;
                default:
                    reason = "its required authentications are not one identity set and one network set in its own namespace";
                    return null;
            }
        }
        if (meshTls is not null && direct is not null || meshTls is null && direct is null && network is null)
        {
            reason = "its required authentications are not one identity set and one network set";
            return null;
        }
        var peers = new List<Peer>();
        bool? identityStrings = null;
        string? trustDomain = null;
        if (direct is var (saName, saNs))
        {
            peers.Add(Peer.ForServiceAccount(saName, saNs));
        }
        if (meshTls is not null && !MeshTlsPeers(meshTls, peers, out identityStrings, out trustDomain, out reason))
        {
            return null;
        }
        var networks = network is null ? [] : Networks(KubeJson.Array(network, "spec.networks"), out reason);
        if (networks is null)
        {
            return null;
        }
        var unauthenticated = peers.Count == 0;
        if (unauthenticated && IsEveryAddress(networks))
        {
            networks = [];
        }
        var objects = new List<JsonObject> { policy };
        objects.AddRange(new[] { meshTls, network }.OfType<JsonObject>());
        objects.AddRange(target.Objects);
        return new ReadSource(KubeJson.Name(policy), ns, target,
            new AccessSource { Identities = peers.ToValueList(), Unauthenticated = unauthenticated, Networks = networks },
            new SourceHints
            {
                Direct = direct is not null,
                IdentityStrings = identityStrings,
                TrustDomain = trustDomain,
                AuthorizationName = KubeJson.Name(policy),
                MeshTlsName = meshTls is null ? null : KubeJson.Name(meshTls),
                NetworkName = network is null ? null : KubeJson.Name(network),
            },
            objects);
    }

    private ReadTarget? Target(JsonObject policy, string? ns, out string reason)
    {
        reason = "";
        var targetRef = KubeJson.Object(policy, "spec.targetRef");
        var name = KubeJson.String(targetRef, "name");
        var group = KubeJson.String(targetRef, "group") ?? "";
        switch (group, KubeJson.String(targetRef, "kind"))
        {
            case (LinkerdNames.PolicyGroup, "Server") when name is not null:
                return LinkerdTargetReader.ServerReference(pool, ns, name, out reason);
            case (LinkerdNames.PolicyGroup, "HTTPRoute") when name is not null:
                return LinkerdTargetReader.Route(pool, ns, name, out reason);
            case ("", "Namespace") when name is not null && name == ns:
                return new ReadTarget("Namespace", new AccessTarget { AllInNamespace = true }, [], null, []);
            default:
                reason = "its target is not a Server, a policy HTTPRoute or its own Namespace";
                return null;
        }
    }

    private ReadSource? ServerAuthorization(JsonObject authorization, out string reason)
    {
        var ns = KubeJson.Namespace(authorization);
        if (KubeJson.String(authorization, "spec.server.name") is not string serverName)
        {
            reason = "it selects Servers by label, which the model does not cover";
            return null;
        }
        var target = LinkerdTargetReader.ServerReference(pool, ns, serverName, out reason);
        if (target is null)
        {
            return null;
        }
        var client = KubeJson.Object(authorization, "spec.client");
        var meshTls = KubeJson.Object(client, "meshTLS");
        if (KubeJson.Bool(meshTls, "unauthenticatedTLS") is not null)
        {
            reason = "it uses unauthenticatedTLS, which is for the identity controller only";
            return null;
        }
        var peers = new List<Peer>();
        bool? identityStrings = null;
        string? trustDomain = null;
        if (meshTls is not null && !MeshTlsPeers(meshTls, peers, out identityStrings, out trustDomain, out reason))
        {
            return null;
        }
        foreach (var node in KubeJson.Array(meshTls, "serviceAccounts") ?? [])
        {
            if (node is not JsonObject account || KubeJson.String(account, "name") is not string name)
            {
                reason = "a service account has no name";
                return null;
            }
            peers.Add(Peer.ForServiceAccount(name, KubeJson.String(account, "namespace")));
            identityStrings ??= false;
        }
        var networks = Networks(KubeJson.Array(client, "networks"), out reason);
        if (networks is null)
        {
            return null;
        }
        var unauthenticated = KubeJson.Bool(client, "unauthenticated") == true;
        if (!unauthenticated && peers.Count == 0)
        {
            reason = "it authorizes no client";
            return null;
        }
        return new ReadSource(KubeJson.Name(authorization), ns, target,
            new AccessSource { Identities = peers.ToValueList(), Unauthenticated = unauthenticated, Networks = networks },
            new SourceHints { Legacy = true, IdentityStrings = identityStrings, TrustDomain = trustDomain, AuthorizationName = KubeJson.Name(authorization) },
            [authorization, .. target.Objects]);
    }

    /// <summary>Peers from <c>identities</c> or <c>identityRefs</c> (MeshTLSAuthentication spec, or a ServerAuthorization's meshTLS).</summary>
    private static bool MeshTlsPeers(JsonObject holder, List<Peer> peers, out bool? identityStrings, out string? trustDomain, out string reason)
    {
        var spec = holder["spec"] as JsonObject ?? holder;
        identityStrings = null;
        trustDomain = null;
        reason = "";
        if (spec["identities"] is JsonArray identities)
        {
            identityStrings = true;
            foreach (var node in identities)
            {
                var parsed = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? LinkerdIdentities.FromIdentityString(v.GetValue<string>()) : null;
                if (parsed is not var (peer, domain) || (domain is not null && trustDomain is not null && domain != trustDomain))
                {
                    reason = $"identity '{node}' is not a service account, namespace or '*' of one trust domain";
                    return false;
                }
                trustDomain ??= domain;
                peers.Add(peer);
            }
        }
        if (spec["identityRefs"] is JsonArray references)
        {
            if (identityStrings is not null)
            {
                reason = "it has both identities and identityRefs";
                return false;
            }
            identityStrings = false;
            foreach (var node in references)
            {
                var peer = node is JsonObject reference ? LinkerdIdentities.FromIdentityRef(reference) : null;
                if (peer is null)
                {
                    reason = "an identityRef is not a ServiceAccount or a Namespace";
                    return false;
                }
                peers.Add(peer);
            }
        }
        return true;
    }

    private static ValueList<NetworkBlock>? Networks(JsonArray? networks, out string reason)
    {
        reason = "";
        var blocks = new List<NetworkBlock>();
        foreach (var node in networks ?? [])
        {
            if (node is not JsonObject network || KubeJson.String(network, "cidr") is not string cidr)
            {
                reason = "a network has no cidr";
                return null;
            }
            blocks.Add(new NetworkBlock { Cidr = cidr, Except = KubeJson.Strings(network, "except").ToValueList() });
        }
        return blocks.ToValueList();
    }

    private static bool IsEveryAddress(ValueList<NetworkBlock> networks) =>
        networks.Count == 2 && networks.All(n => n.Except.Count == 0) && networks.Select(n => n.Cidr).Order(StringComparer.Ordinal).SequenceEqual(["0.0.0.0/0", "::/0"]);
}
