using System.Text.Json.Nodes;
using Kubemate.Model.Collections;
using Kubemate.Model.Kube;
using Kubemate.Model.Traffic;

namespace Kubemate.Drivers.Istio;

/// <summary>VirtualService pieces shared by splits and resilience policies: matches, destinations, the catch-all route.</summary>
internal static class VirtualServiceRoutes
{
    public static JsonObject Destination(string host, int? port, string? subset = null)
    {
        var destination = new JsonObject { ["host"] = host };
        if (subset is not null)
        {
            destination["subset"] = subset;
        }
        if (port is int number)
        {
            destination["port"] = new JsonObject { ["number"] = number };
        }
        return destination;
    }

    /// <summary>The last route when earlier ones match: everything else goes to the service itself (Istio answers 404 to requests no route takes).</summary>
    public static JsonObject CatchAll(string service, int? port) =>
        new() { ["route"] = new JsonArray(new JsonObject { ["destination"] = Destination(service, port) }) };

    public static bool IsCatchAll(JsonNode? node, string service, int? port) =>
        node is JsonObject route && KubeJson.HasOnly(route, "route")
        && KubeJson.Array(route, "route") is [JsonObject only] && KubeJson.HasOnly(only, "destination")
        && IsDestination(only["destination"], service, port, subset: null);

    public static bool IsDestination(JsonNode? node, string host, int? port, string? subset) =>
        node is JsonObject destination && KubeJson.HasOnly(destination, "host", "port", "subset")
        && KubeJson.String(destination, "host") == host && KubeJson.Int(destination, "port.number") == port
        && KubeJson.String(destination, "subset") == subset;

    public static JsonObject Match(RequestMatch match)
    {
        var json = new JsonObject();
        if (match.PathPrefix is not null)
        {
            json["uri"] = new JsonObject { ["prefix"] = match.PathPrefix };
        }
        if (match.GrpcService is not null)
        {
            json["uri"] = match.GrpcMethod is null
                ? new JsonObject { ["prefix"] = $"/{match.GrpcService}/" }
                : new JsonObject { ["exact"] = $"/{match.GrpcService}/{match.GrpcMethod}" };
        }
        if (match.Method is not null)
        {
            json["method"] = new JsonObject { ["exact"] = match.Method };
        }
        if (match.Headers.Count > 0)
        {
            json["headers"] = new JsonObject(match.Headers.Select(h => KeyValuePair.Create(h.Name,
                (JsonNode?)new JsonObject { [h.Type == HeaderMatchType.Exact ? "exact" : "regex"] = h.Value })));
        }
        return json;
    }

    /// <summary>Reads a match; null when it uses what the model lacks.</summary>
    public static RequestMatch? ReadMatch(JsonObject json, bool grpc)
    {
        if (!KubeJson.HasOnly(json, "uri", "method", "headers"))
        {
            return null;
        }
        string? prefix = null, grpcService = null, grpcMethod = null;
        if (json["uri"] is JsonObject uri)
        {
            if (grpc && KubeJson.String(uri, "exact") is string exact && exact.Split('/') is ["", var service, var method])
            {
                (grpcService, grpcMethod) = (service, method);
            }
            else if (grpc && KubeJson.String(uri, "prefix") is string servicePrefix && servicePrefix.Split('/') is ["", var serviceOnly, ""])
            {
                grpcService = serviceOnly;
            }
            else if (!grpc && KubeJson.HasOnly(uri, "prefix") && KubeJson.String(uri, "prefix") is string path)
            {
                prefix = path;
            }
            else
            {
                return null;
            }
        }
        string? httpMethod = null;
        if (json["method"] is JsonObject methodMatch)
        {
            if (!KubeJson.HasOnly(methodMatch, "exact") || (httpMethod = KubeJson.String(methodMatch, "exact")) is null)
            {
                return null;
            }
        }
        var headers = new List<HeaderMatch>();
        foreach (var (name, value) in KubeJson.Object(json, "headers") ?? [])
        {
            if (value is not JsonObject headerMatch || headerMatch.Count != 1)
            {
                return null;
            }
            var (type, text) = headerMatch.First();
            if (type is not ("exact" or "regex") || text?.GetValue<string>() is not string headerValue)
            {
                return null;
            }
            headers.Add(new HeaderMatch { Name = name, Value = headerValue, Type = type == "exact" ? HeaderMatchType.Exact : HeaderMatchType.RegularExpression });
        }
        return new RequestMatch { PathPrefix = prefix, Method = httpMethod, Headers = headers.ToValueList(), GrpcService = grpcService, GrpcMethod = grpcMethod };
    }
}
