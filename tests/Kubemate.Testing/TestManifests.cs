using System.Text.Json.Nodes;

namespace Kubemate.Testing;

/// <summary>Small manifests for tests of the apply engine and the services on top of it.</summary>
public static class TestManifests
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

    public static JsonObject HttpRoute(string ns, string name, JsonNode parentRefs) => new()
    {
        ["apiVersion"] = "gateway.networking.k8s.io/v1",
        ["kind"] = "HTTPRoute",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject
        {
            ["parentRefs"] = parentRefs,
            ["rules"] = new JsonArray(new JsonObject
            {
                ["backendRefs"] = new JsonArray(new JsonObject { ["name"] = "web", ["port"] = 80 }),
            }),
        },
    };

    /// <summary>A route whose parentRefs is a string, which the CRD's schema rejects (it must be an array).</summary>
    public static JsonObject InvalidHttpRoute(string ns, string name) => HttpRoute(ns, name, "not-a-list");

    public static JsonObject ValidHttpRoute(string ns, string name) =>
        HttpRoute(ns, name, new JsonArray(new JsonObject { ["name"] = "edge" }));
}
