using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Drivers.Linkerd.Namespaces;
using Kubemate.Model.Access;
using Kubemate.Model.Collections;
using Kubemate.Model.Drivers;
using Kubemate.Model.Kube;
using Kubemate.Model.References;

namespace Kubemate.Drivers.Linkerd.Access;

/// <summary>What a Linkerd authorization targets, as read: the key intents are grouped by, the model target, and the objects behind it.</summary>
internal sealed record ReadTarget(string Key, AccessTarget To, ValueList<HttpAccessRule> Http, string? RouteName, IReadOnlyList<JsonObject> Objects);

/// <summary>Reads Servers and policy HTTPRoutes into access targets.</summary>
internal static class LinkerdTargetReader
{
    /// <summary>A Server as a target named after it; null with a reason when it uses what the model lacks.</summary>
    public static AccessTarget? FromServer(JsonObject server, out string reason)
    {
        reason = "";
        var spec = KubeJson.Object(server, "spec");
        if (spec?["externalWorkloadSelector"] is not null)
        {
            reason = "it selects ExternalWorkloads, which the model does not cover";
            return null;
        }
        var selector = Selector(KubeJson.Object(spec, "podSelector"));
        if (selector is null)
        {
            reason = "its podSelector is not a label selector";
            return null;
        }
        PortRef? port = spec?["port"] switch
        {
            JsonValue v when KubeJson.AsInt(v) is int n => PortRef.Of(n),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => PortRef.Named(v.GetValue<string>()),
            _ => null,
        };
        if (port is null)
        {
            reason = "it has no port";
            return null;
        }
        AppProtocol? protocol = null;
        if (KubeJson.String(spec, "proxyProtocol") is string protocolName && (protocol = ProxyProtocols.FromLinkerd(protocolName)) is null)
        {
            reason = $"proxyProtocol '{protocolName}' is unknown";
            return null;
        }
        InboundPolicyMode? access = null;
        if (KubeJson.String(spec, "accessPolicy") is string accessName && (access = InboundPolicyValues.FromLinkerd(accessName)) is null)
        {
            reason = $"accessPolicy '{accessName}' is unknown";
            return null;
        }
        return new AccessTarget { Name = KubeJson.Name(server), Pods = selector, Port = port, Protocol = protocol, DefaultPolicy = access };
    }

    /// <summary>The target of a Server reference: the Server when it is among the objects, else an endpoint known by name.</summary>
    public static ReadTarget? ServerReference(ObjectPool pool, string? ns, string name, out string reason)
    {
        reason = "";
        var server = pool.Find(LinkerdNames.PolicyGroup, "Server", ns, name);
        if (server is null)
        {
            return new ReadTarget($"Server/{name}", new AccessTarget { Name = name }, [], null, []);
        }
        var to = FromServer(server, out reason);
        return to is null ? null : new ReadTarget($"Server/{name}", to, [], null, [server]);
    }

    /// <summary>A policy HTTPRoute on a Server: its rules become HTTP rules of the intent.</summary>
    public static ReadTarget? Route(ObjectPool pool, string? ns, string name, out string reason)
    {
        var route = pool.Find(LinkerdNames.PolicyGroup, "HTTPRoute", ns, name);
        if (route is null)
        {
            reason = $"it targets HTTPRoute {name}, which is not among the objects read";
            return null;
        }
        if (KubeJson.Array(route, "spec.parentRefs") is not [JsonObject parent] || KubeJson.String(parent, "kind") != "Server"
            || KubeJson.String(parent, "group") != LinkerdNames.PolicyGroup || !KubeJson.HasOnly(parent, "group", "kind", "name")
            || KubeJson.String(parent, "name") is not string serverName)
        {
            reason = $"HTTPRoute {name} does not have a single Server parent";
            return null;
        }
        var rules = new List<HttpAccessRule>();
        foreach (var node in KubeJson.Array(route, "spec.rules") ?? [])
        {
            var read = node is JsonObject rule ? Rules(rule) : null;
            if (read is null)
            {
                reason = $"HTTPRoute {name} matches on more than path prefixes and methods";
                return null;
            }
            rules.AddRange(read);
        }
        if (rules.Count == 0)
        {
            reason = $"HTTPRoute {name} has no matches";
            return null;
        }
        var server = ServerReference(pool, ns, serverName, out reason);
        return server is null ? null : server with { Key = $"HTTPRoute/{name}", Http = rules.ToValueList(), RouteName = name, Objects = [route, .. server.Objects] };
    }

    /// <summary>One route rule as one HTTP rule when its matches are every prefix with every method, else one per match.</summary>
    private static List<HttpAccessRule>? Rules(JsonObject rule)
    {
        var pairs = new List<(string? Path, string? Method)>();
        foreach (var node in KubeJson.Array(rule, "matches") ?? [])
        {
            if (node is not JsonObject match || !KubeJson.HasOnly(match, "path", "method"))
            {
                return null;
            }
            string? path = null;
            if (match["path"] is JsonObject pathMatch)
            {
                if (!KubeJson.HasOnly(pathMatch, "type", "value") || (KubeJson.String(pathMatch, "type") ?? "PathPrefix") != "PathPrefix")
                {
                    return null;
                }
                path = KubeJson.String(pathMatch, "value") ?? "/";
            }
            pairs.Add((path, KubeJson.String(match, "method")));
        }
        if (pairs.Count == 0 || pairs.Any(p => p.Path is null && p.Method is null))
        {
            return null;
        }
        var paths = pairs.Select(p => p.Path).Distinct().ToList();
        var methods = pairs.Select(p => p.Method).Distinct().ToList();
        var product = paths.SelectMany(path => methods.Select(method => (path, method))).ToList();
        if (product.SequenceEqual(pairs) && !(paths.Contains(null) && paths.Count > 1) && !(methods.Contains(null) && methods.Count > 1))
        {
            return [new HttpAccessRule { PathPrefixes = paths.OfType<string>().ToValueList(), Methods = methods.OfType<string>().ToValueList() }];
        }
        return [.. pairs.Select(p => new HttpAccessRule
        {
            PathPrefixes = p.Path is null ? [] : [p.Path],
            Methods = p.Method is null ? [] : [p.Method],
        })];
    }

    private static LabelSelector? Selector(JsonObject? selector)
    {
        if (selector is null)
        {
            return null;
        }
        var labels = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in KubeJson.Object(selector, "matchLabels") ?? [])
        {
            if (value is not JsonValue scalar || scalar.GetValueKind() != JsonValueKind.String)
            {
                return null;
            }
            labels.Add(new(key, scalar.GetValue<string>()));
        }
        var expressions = new List<LabelRequirement>();
        foreach (var node in KubeJson.Array(selector, "matchExpressions") ?? [])
        {
            if (node is not JsonObject expression || KubeJson.String(expression, "key") is not string key || KubeJson.String(expression, "operator") is not string op)
            {
                return null;
            }
            expressions.Add(new LabelRequirement { Key = key, Operator = op, Values = KubeJson.Strings(expression, "values").ToValueList() });
        }
        return new LabelSelector { MatchLabels = new ValueMap(labels), MatchExpressions = expressions.ToValueList() };
    }
}
