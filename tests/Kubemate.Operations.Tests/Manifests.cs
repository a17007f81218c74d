using System.Text.Json.Nodes;

namespace Kubemate.Operations.Tests;

/// <summary>Small manifests for the change tests.</summary>
internal static class Manifests
{
    public static JsonObject ConfigMap(string ns, string name, params (string Key, string Value)[] data)
    {
        var values = new JsonObject();
        foreach (var (key, value) in data)
        {
            values[key] = value;
        }
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["data"] = values,
        };
    }

    public static JsonObject Service(string ns, string name, int port) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject
        {
            ["selector"] = new JsonObject { ["app"] = name },
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = port, ["protocol"] = "TCP" }),
        },
    };

    /// <summary>An HTTPRoute whose parentRefs is a string: the Gateway API schema wants a list.</summary>
    public static JsonObject InvalidHttpRoute(string ns, string name) => new()
    {
        ["apiVersion"] = "gateway.networking.k8s.io/v1",
        ["kind"] = "HTTPRoute",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject
        {
            ["parentRefs"] = "orders",
            ["rules"] = new JsonArray(new JsonObject { ["backendRefs"] = new JsonArray(new JsonObject { ["name"] = "orders", ["port"] = 8080 }) }),
        },
    };
}
