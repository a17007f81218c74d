using System.Text.Json.Nodes;
using Kubemate.Drivers.Linkerd.Namespaces;
using Kubemate.Model.Access;
using Kubemate.Model.Kube;

namespace Kubemate.Drivers.Linkerd.Access;

/// <summary>
/// An intent as Linkerd policy: a Server for the target port; a policy HTTPRoute when the intent has HTTP
/// rules; per source an AuthorizationPolicy requiring a MeshTLSAuthentication (identities) and/or a
/// NetworkAuthentication (client networks) — or, for sources read that way, a ServerAuthorization.
/// </summary>
internal static class LinkerdAccessRenderer
{
    public static IEnumerable<JsonObject> Render(AccessIntent intent, JsonObject hints)
    {
        var serverName = AccessNames.Server(intent);
        if (intent.To.Pods is not null && intent.To.Port is not null)
        {
            yield return Server(intent, serverName);
        }
        var routeName = hints["httpRoute"]?.GetValue<string>() ?? intent.Name;
        if (intent.Http.Count > 0)
        {
            yield return HttpRoute(intent, routeName, serverName);
        }
        var target = intent.To.AllInNamespace
            ? new JsonObject { ["kind"] = "Namespace", ["name"] = intent.Namespace }
            : intent.Http.Count > 0
                ? new JsonObject { ["group"] = LinkerdNames.PolicyGroup, ["kind"] = "HTTPRoute", ["name"] = routeName }
                : new JsonObject { ["group"] = LinkerdNames.PolicyGroup, ["kind"] = "Server", ["name"] = serverName };
        var sourceHints = hints["from"] as JsonArray;
        for (var i = 0; i < intent.From.Count; i++)
        {
            var sourceHint = SourceHints.FromJson(sourceHints is not null && i < sourceHints.Count ? sourceHints[i] : null);
            var objects = sourceHint.Legacy
                ? [ServerAuthorization(intent, i, sourceHint, serverName)]
                : Authorization(intent, i, sourceHint, target);
            foreach (var obj in objects)
            {
                yield return obj;
            }
        }
    }

    private static JsonObject Server(AccessIntent intent, string name)
    {
        var server = KubeJson.NewObject(LinkerdNames.PolicyV1Beta3, "Server", name, intent.Namespace);
        var selector = new JsonObject();
        var pods = intent.To.Pods!;
        if (pods.MatchLabels.Count > 0)
        {
            selector["matchLabels"] = new JsonObject(pods.MatchLabels.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        }
        if (pods.MatchExpressions.Count > 0)
        {
            selector["matchExpressions"] = KubeJson.ToArray(pods.MatchExpressions.Select(e =>
            {
                var expression = new JsonObject { ["key"] = e.Key, ["operator"] = e.Operator };
                if (e.Values.Count > 0)
                {
                    expression["values"] = KubeJson.ToArray(e.Values);
                }
                return (JsonNode?)expression;
            }));
        }
        var spec = new JsonObject
        {
            ["podSelector"] = selector,
            ["port"] = intent.To.Port!.Number is int number ? JsonValue.Create(number) : JsonValue.Create(intent.To.Port.Name),
        };
        if (intent.To.Protocol is AppProtocol protocol)
        {
            spec["proxyProtocol"] = ProxyProtocols.ToLinkerd(protocol);
        }
        if (intent.To.DefaultPolicy is InboundPolicyMode mode)
        {
            spec["accessPolicy"] = InboundPolicyValues.ToLinkerd(mode);
        }
        server["spec"] = spec;
        return server;
    }

    private static JsonObject HttpRoute(AccessIntent intent, string name, string serverName)
    {
        var route = KubeJson.NewObject(LinkerdNames.PolicyV1Beta3, "HTTPRoute", name, intent.Namespace);
        route["spec"] = new JsonObject
        {
            ["parentRefs"] = new JsonArray(new JsonObject { ["group"] = LinkerdNames.PolicyGroup, ["kind"] = "Server", ["name"] = serverName }),
            ["rules"] = KubeJson.ToArray(intent.Http.Select(rule => (JsonNode?)new JsonObject { ["matches"] = KubeJson.ToArray(HttpMatches(rule)) })),
        };
        return route;
    }

    /// <summary>Every path prefix with every method (a rule allows their product).</summary>
    public static IEnumerable<JsonNode?> HttpMatches(HttpAccessRule rule)
    {
        IEnumerable<string?> paths = rule.PathPrefixes.Count == 0 ? new string?[] { null } : rule.PathPrefixes;
        IEnumerable<string?> methods = rule.Methods.Count == 0 ? new string?[] { null } : rule.Methods;
        foreach (var path in paths)
        {
            foreach (var method in methods)
            {
                var match = new JsonObject();
                if (path is not null)
                {
                    match["path"] = new JsonObject { ["type"] = "PathPrefix", ["value"] = path };
                }
                if (method is not null)
                {
                    match["method"] = method;
                }
                yield return match;
            }
        }
    }

    private static IEnumerable<JsonObject> Authorization(AccessIntent intent, int index, SourceHints hints, JsonObject target)
    {
        var source = intent.From[index];
        var baseName = AccessNames.Source(intent.Name, index);
        var refs = new JsonArray();
        if (hints.Direct && source.Identities is [var peer])
        {
            refs.Add(LinkerdIdentities.ServiceAccountRef(LinkerdIdentities.ServiceAccountName(peer) ?? "", peer.Namespace));
        }
        else if (source.Identities.Count > 0)
        {
            var name = hints.MeshTlsName ?? baseName;
            var authentication = KubeJson.NewObject(LinkerdNames.PolicyV1Alpha1, "MeshTLSAuthentication", name, intent.Namespace);
            var trustDomain = hints.TrustDomain ?? LinkerdNames.DefaultTrustDomain;
            authentication["spec"] = hints.UsesIdentityStrings(source)
                ? new JsonObject { ["identities"] = KubeJson.ToArray(source.Identities.Select(p => LinkerdIdentities.ToIdentityString(p, intent.Namespace, trustDomain) ?? "")) }
                : new JsonObject { ["identityRefs"] = KubeJson.ToArray(source.Identities.Select(p => (JsonNode?)LinkerdIdentities.ToIdentityRef(p))) };
            refs.Add(new JsonObject { ["group"] = LinkerdNames.PolicyGroup, ["kind"] = "MeshTLSAuthentication", ["name"] = name });
            yield return authentication;
        }
        if (source.Networks.Count > 0 || source.Unauthenticated)
        {
            var name = hints.NetworkName ?? baseName;
            var authentication = KubeJson.NewObject(LinkerdNames.PolicyV1Alpha1, "NetworkAuthentication", name, intent.Namespace);
            authentication["spec"] = new JsonObject { ["networks"] = Networks(source, allWhenEmpty: true) };
            refs.Add(new JsonObject { ["group"] = LinkerdNames.PolicyGroup, ["kind"] = "NetworkAuthentication", ["name"] = name });
            yield return authentication;
        }
        var policy = KubeJson.NewObject(LinkerdNames.PolicyV1Alpha1, "AuthorizationPolicy", hints.AuthorizationName ?? baseName, intent.Namespace);
        policy["spec"] = new JsonObject { ["targetRef"] = target.DeepClone(), ["requiredAuthenticationRefs"] = refs };
        yield return policy;
    }

    private static JsonObject ServerAuthorization(AccessIntent intent, int index, SourceHints hints, string serverName)
    {
        var source = intent.From[index];
        var authorization = KubeJson.NewObject(LinkerdNames.PolicyV1Beta1, "ServerAuthorization", hints.AuthorizationName ?? AccessNames.Source(intent.Name, index), intent.Namespace);
        var client = new JsonObject();
        if (source.Unauthenticated)
        {
            client["unauthenticated"] = true;
        }
        if (source.Networks.Count > 0)
        {
            client["networks"] = Networks(source, allWhenEmpty: false);
        }
        if (source.Identities.Count > 0)
        {
            var trustDomain = hints.TrustDomain ?? LinkerdNames.DefaultTrustDomain;
            client["meshTLS"] = hints.UsesIdentityStrings(source)
                ? new JsonObject { ["identities"] = KubeJson.ToArray(source.Identities.Select(p => LinkerdIdentities.ToIdentityString(p, intent.Namespace, trustDomain) ?? "")) }
                : new JsonObject { ["serviceAccounts"] = KubeJson.ToArray(source.Identities.Select(p => (JsonNode?)ServiceAccountEntry(p))) };
        }
        authorization["spec"] = new JsonObject { ["server"] = new JsonObject { ["name"] = serverName }, ["client"] = client };
        return authorization;
    }

    private static JsonObject ServiceAccountEntry(Peer peer)
    {
        var entry = new JsonObject { ["name"] = LinkerdIdentities.ServiceAccountName(peer) };
        if (peer.Namespace is not null)
        {
            entry["namespace"] = peer.Namespace;
        }
        return entry;
    }

    private static JsonArray Networks(AccessSource source, bool allWhenEmpty)
    {
        if (source.Networks.Count == 0 && allWhenEmpty)
        {
            return [new JsonObject { ["cidr"] = "0.0.0.0/0" }, new JsonObject { ["cidr"] = "::/0" }];
        }
        return KubeJson.ToArray(source.Networks.Select(n =>
        {
            var network = new JsonObject { ["cidr"] = n.Cidr };
            if (n.Except.Count > 0)
            {
                network["except"] = KubeJson.ToArray(n.Except);
            }
            return (JsonNode?)network;
        }));
    }
}
