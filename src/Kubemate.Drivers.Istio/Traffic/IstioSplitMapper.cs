using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Model;
using Kubemate.Model.Collections;
using Kubemate.Model.Drivers;
using Kubemate.Model.Kube;
using Kubemate.Model.Traffic;
using Kubemate.Model.Validation;

namespace Kubemate.Drivers.Istio.Traffic;

/// <summary>
/// A split as a VirtualService for the apex service with weighted destinations (other services, or subsets of
/// one service) and, for subsets, a DestinationRule per service that defines them by pod labels.
/// </summary>
internal sealed class IstioSplitMapper : IModelMapper
{
    public bool Handles(IMeshModel model) => model is TrafficSplit;

    public IEnumerable<ValidationProblem> Validate(IMeshModel model)
    {
        var split = (TrafficSplit)model;
        for (var i = 0; i < split.Matches.Count; i++)
        {
            foreach (var header in split.Matches[i].Headers.Where(h => h.Name != h.Name.ToLowerInvariant()))
            {
                yield return new($"matches[{i}].headers", $"Istio matches header names in lower case; write '{header.Name.ToLowerInvariant()}'");
            }
        }
        var subsets = split.Backends.Where(b => b.Subset is not null).GroupBy(b => (b.Service, b.Subset!.Name));
        foreach (var sameName in subsets.Where(g => g.Select(b => b.Subset!.Labels).Distinct().Count() > 1))
        {
            yield return new("backends", $"subset {sameName.Key.Name} of {sameName.Key.Service} is given different labels");
        }
    }

    public IEnumerable<JsonObject> Render(IMeshModel model)
    {
        var split = (TrafficSplit)model;
        var service = KubeJson.NewObject(IstioNames.NetworkingV1, "VirtualService", split.Name, split.Namespace);
        var splitRoute = new JsonObject();
        if (split.Matches.Count > 0)
        {
            splitRoute["match"] = KubeJson.ToArray(split.Matches.Select(m => (JsonNode?)VirtualServiceRoutes.Match(m)));
        }
        splitRoute["route"] = KubeJson.ToArray(split.Backends.Select(b => (JsonNode?)new JsonObject
        {
            ["destination"] = VirtualServiceRoutes.Destination(b.Service, b.Port ?? split.Port, b.Subset?.Name),
            ["weight"] = b.Weight,
        }));
        var http = new JsonArray(splitRoute);
        if (split.Matches.Count > 0)
        {
            http.Add(VirtualServiceRoutes.CatchAll(split.Service, split.Port));
        }
        service["spec"] = new JsonObject { ["hosts"] = new JsonArray(split.Service), ["http"] = http };
        yield return service;
        var withSubsets = split.Backends.Where(b => b.Subset is not null).GroupBy(b => b.Service).ToList();
        foreach (var group in withSubsets)
        {
            var name = withSubsets.Count == 1 ? split.Name : $"{split.Name}-{group.Key}";
            var rule = KubeJson.NewObject(IstioNames.NetworkingV1, "DestinationRule", name, split.Namespace);
            rule["spec"] = new JsonObject
            {
                ["host"] = group.Key,
                ["subsets"] = KubeJson.ToArray(group.Select(b => b.Subset!).DistinctBy(s => s.Name).Select(s => (JsonNode?)new JsonObject
                {
                    ["name"] = s.Name,
                    ["labels"] = new JsonObject(s.Labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))),
                })),
            };
            yield return rule;
        }
    }

    public IEnumerable<IMeshModel> Read(ObjectPool pool)
    {
        foreach (var service in pool.Unclaimed(IstioNames.NetworkingGroup, "VirtualService"))
        {
            var split = Read(pool, service, out var rules, out var reason);
            if (split is null)
            {
                pool.Decline(service, reason);
                continue;
            }
            pool.Claim(service);
            rules.ForEach(pool.Claim);
            yield return split;
        }
    }

    private static TrafficSplit? Read(ObjectPool pool, JsonObject service, out List<JsonObject> rules, out string reason)
    {
        rules = [];
        reason = "";
        var ns = KubeJson.Namespace(service);
        if (KubeJson.Array(service, "spec.hosts") is not [JsonValue hostValue] || hostValue.GetValueKind() != JsonValueKind.String || hostValue.GetValue<string>().Contains('.')
            || KubeJson.Array(service, "spec.http") is not { Count: 1 or 2 } http || http[0] is not JsonObject first
            || KubeJson.Array(first, "route") is not { Count: > 0 } destinations)
        {
            reason = "a split VirtualService has one short host and one weighted route, plus a catch-all route when it matches";
            return null;
        }
        var apex = hostValue.GetValue<string>();
        var matches = new List<RequestMatch>();
        foreach (var node in KubeJson.Array(first, "match") ?? [])
        {
            if (node is not JsonObject json || VirtualServiceRoutes.ReadMatch(json, grpc: false) is not RequestMatch match)
            {
                reason = "a match uses fields the model lacks";
                return null;
            }
            matches.Add(match);
        }
        var ports = destinations.OfType<JsonObject>().Select(d => KubeJson.Int(d, "destination.port.number")).Distinct().ToList();
        int? port = ports.Count == 1 ? ports[0] : null;
        var backends = new List<WeightedBackend>();
        foreach (var node in destinations)
        {
            var host = KubeJson.String(node, "destination.host");
            if (node is not JsonObject || host is null || host.Contains('.'))
            {
                reason = "a destination is not a service of the same namespace";
                return null;
            }
            var weight = KubeJson.Int(node, "weight") ?? (destinations.Count == 1 ? 100 : (int?)null);
            if (weight is null)
            {
                reason = "a destination has no weight";
                return null;
            }
            BackendSubset? subset = null;
            if (KubeJson.String(node, "destination.subset") is string subsetName)
            {
                var (rule, labels) = Subset(pool, ns, host, subsetName);
                if (rule is null || labels is null)
                {
                    reason = $"subset {subsetName} of {host} is not defined by a DestinationRule among the objects read";
                    return null;
                }
                if (!rules.Contains(rule))
                {
                    rules.Add(rule);
                }
                subset = new BackendSubset { Name = subsetName, Labels = labels };
            }
            var backendPort = KubeJson.Int(node, "destination.port.number");
            backends.Add(new WeightedBackend { Service = host, Weight = weight.Value, Port = backendPort == port ? null : backendPort, Subset = subset });
        }
        if (http.Count == 2 != (matches.Count > 0) || (http.Count == 2 && !VirtualServiceRoutes.IsCatchAll(http[1], apex, port)))
        {
            reason = "the second route is not a catch-all to the apex service";
            return null;
        }
        return new TrafficSplit
        {
            Name = KubeJson.Name(service),
            Namespace = ns,
            Service = apex,
            Port = port,
            Backends = backends.ToValueList(),
            Matches = matches.ToValueList(),
        };
    }

    private static (JsonObject? Rule, ValueMap? Labels) Subset(ObjectPool pool, string? ns, string host, string subset)
    {
        foreach (var rule in pool.All(IstioNames.NetworkingGroup, "DestinationRule").Where(r => KubeJson.Namespace(r) == ns && KubeJson.String(r, "spec.host") == host))
        {
            foreach (var node in KubeJson.Array(rule, "spec.subsets") ?? [])
            {
                if (KubeJson.String(node, "name") == subset)
                {
                    return (rule, new ValueMap(KubeJson.StringMap(KubeJson.Object(node, "labels"))));
                }
            }
        }
        return (null, null);
    }
}
