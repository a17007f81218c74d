using System.Text.Json.Nodes;
using Kubemate.Model.Collections;
using Kubemate.Model.Kube;
using Kubemate.Model.Traffic;
using Kubemate.Model.Validation;

namespace Kubemate.Drivers.Linkerd.Traffic;

/// <summary>
/// A split as a Gateway API HTTPRoute whose parent is the apex Service: one rule with the matches and the
/// weighted backends and, when there are matches, a last rule that sends everything else to the apex service.
/// </summary>
internal static class GatewayApiSplit
{
    public static IEnumerable<ValidationProblem> Validate(TrafficSplit split)
    {
        if (split.Port is null)
        {
            yield return new("port", "a Gateway API route to a Service needs the service port");
        }
        for (var i = 0; i < split.Matches.Count; i++)
        {
            if (split.Matches[i].IsGrpc)
            {
                yield return new($"matches[{i}]", "an HTTPRoute split matches HTTP requests; gRPC service/method matches are not supported here");
            }
        }
    }

    public static JsonObject Render(TrafficSplit split)
    {
        var route = KubeJson.NewObject(LinkerdNames.GatewayV1, "HTTPRoute", split.Name, split.Namespace);
        var rules = new JsonArray();
        var splitRule = new JsonObject();
        if (split.Matches.Count > 0)
        {
            splitRule["matches"] = KubeJson.ToArray(split.Matches.Select(m => (JsonNode?)GatewayApiMatches.ToHttp(m)));
        }
        splitRule["backendRefs"] = KubeJson.ToArray(split.Backends.Select(b => (JsonNode?)BackendRef(b.Service, b.Port ?? split.Port, b.Weight)));
        rules.Add(splitRule);
        if (split.Matches.Count > 0)
        {
            rules.Add(new JsonObject { ["backendRefs"] = new JsonArray(BackendRef(split.Service, split.Port, weight: null)) });
        }
        route["spec"] = new JsonObject
        {
            ["parentRefs"] = new JsonArray(ParentRef(split.Service, split.Port)),
            ["rules"] = rules,
        };
        return route;
    }

    public static JsonObject ParentRef(string service, int? port)
    {
        var parent = new JsonObject { ["group"] = "", ["kind"] = "Service", ["name"] = service };
        if (port is int number)
        {
            parent["port"] = number;
        }
        return parent;
    }

    public static JsonObject BackendRef(string service, int? port, int? weight)
    {
        var backend = new JsonObject { ["name"] = service };
        if (port is int number)
        {
            backend["port"] = number;
        }
        if (weight is int value)
        {
            backend["weight"] = value;
        }
        return backend;
    }

    /// <summary>The Service parent of a route: exactly one parentRef of kind Service in the core group.</summary>
    public static (string Service, int? Port)? ServiceParent(JsonObject route)
    {
        var parents = KubeJson.Array(route, "spec.parentRefs");
        if (parents is not [JsonObject parent] || KubeJson.String(parent, "kind") != "Service" || (KubeJson.String(parent, "group") ?? "") != ""
            || !KubeJson.HasOnly(parent, "group", "kind", "name", "port") || KubeJson.String(parent, "name") is not string name)
        {
            return null;
        }
        return (name, KubeJson.Int(parent, "port"));
    }

    /// <summary>Reads a split route; null with a reason when its shape is not a split.</summary>
    public static TrafficSplit? Read(JsonObject route, out string reason)
    {
        reason = "";
        if (ServiceParent(route) is not var (service, port))
        {
            reason = "its parent is not a single Service";
            return null;
        }
        var rules = KubeJson.Array(route, "spec.rules");
        if (rules is null || rules.Count is 0 or > 2 || rules.Any(r => r is not JsonObject))
        {
            reason = "a split route has one rule, plus a default rule when it matches";
            return null;
        }
        var first = (JsonObject)rules[0]!;
        var matches = new List<RequestMatch>();
        foreach (var node in KubeJson.Array(first, "matches") ?? [])
        {
            if (node is not JsonObject matchJson || GatewayApiMatches.FromHttp(matchJson) is not RequestMatch match)
            {
                reason = "a match uses fields the model lacks";
                return null;
            }
            matches.Add(match);
        }
        var backends = new List<WeightedBackend>();
        foreach (var node in KubeJson.Array(first, "backendRefs") ?? [])
        {
            if (node is not JsonObject backend || !IsServiceRef(backend) || KubeJson.String(backend, "name") is not string name)
            {
                reason = "a backend is not a Service";
                return null;
            }
            var backendPort = KubeJson.Int(backend, "port");
            backends.Add(new WeightedBackend { Service = name, Weight = KubeJson.Int(backend, "weight") ?? 1, Port = backendPort == port ? null : backendPort });
        }
        if (backends.Count == 0)
        {
            reason = "the rule has no backends";
            return null;
        }
        if (rules.Count == 2 && !IsDefaultRule((JsonObject)rules[1]!, service, port))
        {
            reason = "the second rule is not a default route to the apex service";
            return null;
        }
        if (rules.Count == 2 != (matches.Count > 0))
        {
            reason = "a default rule belongs only to a split with matches";
            return null;
        }
        return new TrafficSplit
        {
            Name = KubeJson.Name(route),
            Namespace = KubeJson.Namespace(route),
            Service = service,
            Port = port,
            Backends = backends.ToValueList(),
            Matches = matches.ToValueList(),
        };
    }

    private static bool IsServiceRef(JsonObject backend) =>
        (KubeJson.String(backend, "kind") ?? "Service") == "Service" && (KubeJson.String(backend, "group") ?? "") == "" && backend["namespace"] is null;

    private static bool IsDefaultRule(JsonObject rule, string service, int? port) =>
        KubeJson.HasOnly(rule, "backendRefs")
        && KubeJson.Array(rule, "backendRefs") is [JsonObject backend]
        && IsServiceRef(backend) && KubeJson.String(backend, "name") == service && KubeJson.Int(backend, "port") == port
        && KubeJson.HasOnly(backend, "group", "kind", "name", "port");
}
