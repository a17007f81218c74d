using System.Text.Json.Nodes;
using Kubemate.Model.Collections;
using Kubemate.Model.Kube;
using Kubemate.Model.Traffic;

namespace Kubemate.Drivers.Linkerd;

/// <summary>Request matches as Gateway API HTTPRoute / GRPCRoute write them, and back.</summary>
internal static class GatewayApiMatches
{
    public static JsonObject ToHttp(RequestMatch match)
    {
        var json = new JsonObject();
        if (match.PathPrefix is not null)
        {
            json["path"] = new JsonObject { ["type"] = "PathPrefix", ["value"] = match.PathPrefix };
        }
        AddHeaders(json, match.Headers);
        if (match.Method is not null)
        {
            json["method"] = match.Method;
        }
        return json;
    }

    public static JsonObject ToGrpc(RequestMatch match)
    {
        var json = new JsonObject();
        if (match.GrpcService is not null || match.GrpcMethod is not null)
        {
            var method = new JsonObject { ["type"] = "Exact" };
            if (match.GrpcService is not null)
            {
                method["service"] = match.GrpcService;
            }
            if (match.GrpcMethod is not null)
            {
                method["method"] = match.GrpcMethod;
            }
            json["method"] = method;
        }
        AddHeaders(json, match.Headers);
        return json;
    }

    /// <summary>Reads an HTTPRoute match; null when it uses anything the model lacks (query parameters, exact or regex paths).</summary>
    public static RequestMatch? FromHttp(JsonObject json)
    {
        if (!KubeJson.HasOnly(json, "path", "method", "headers"))
        {
            return null;
        }
        string? prefix = null;
        if (json["path"] is JsonObject path)
        {
            if (!KubeJson.HasOnly(path, "type", "value") || (KubeJson.String(path, "type") ?? "PathPrefix") != "PathPrefix")
            {
                return null;
            }
            prefix = KubeJson.String(path, "value") ?? "/";
        }
        var headers = Headers(json);
        return headers is null ? null : new RequestMatch { PathPrefix = prefix, Method = KubeJson.String(json, "method"), Headers = headers };
    }

    public static RequestMatch? FromGrpc(JsonObject json)
    {
        if (!KubeJson.HasOnly(json, "method", "headers"))
        {
            return null;
        }
        var method = json["method"] as JsonObject;
        if (!KubeJson.HasOnly(method, "type", "service", "method") || (KubeJson.String(method, "type") ?? "Exact") != "Exact")
        {
            return null;
        }
        var headers = Headers(json);
        return headers is null ? null : new RequestMatch { GrpcService = KubeJson.String(method, "service"), GrpcMethod = KubeJson.String(method, "method"), Headers = headers };
    }

    private static void AddHeaders(JsonObject json, ValueList<HeaderMatch> headers)
    {
        if (headers.Count > 0)
        {
            json["headers"] = KubeJson.ToArray(headers.Select(h => (JsonNode?)new JsonObject
            {
                ["type"] = h.Type == HeaderMatchType.Exact ? "Exact" : "RegularExpression",
                ["name"] = h.Name,
                ["value"] = h.Value,
            }));
        }
    }

    private static ValueList<HeaderMatch>? Headers(JsonObject json)
    {
        var headers = new List<HeaderMatch>();
        foreach (var node in KubeJson.Array(json, "headers") ?? [])
        {
            if (node is not JsonObject header || !KubeJson.HasOnly(header, "type", "name", "value"))
            {
                return null;
            }
            var type = (KubeJson.String(header, "type") ?? "Exact") switch
            {
                "Exact" => HeaderMatchType.Exact,
                "RegularExpression" => (HeaderMatchType?)HeaderMatchType.RegularExpression,
                _ => null,
            };
            if (type is null || KubeJson.String(header, "name") is not string name || KubeJson.String(header, "value") is not string value)
            {
                return null;
            }
            headers.Add(new HeaderMatch { Name = name, Value = value, Type = type.Value });
        }
        return headers.ToValueList();
    }
}
