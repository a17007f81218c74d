using System.Text.Json.Nodes;

namespace Kubemate.Host.Tests.Support;

/// <summary>Change-set request bodies for the tests: <c>{"objects": [...]}</c> of small ConfigMaps.</summary>
public static class ChangeSets
{
    public static JsonObject ConfigMap(string ns, string name, string value) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["data"] = new JsonObject { ["value"] = value },
    };

    public static JsonObject Objects(params JsonObject[] objects) => new() { ["objects"] = new JsonArray(objects) };
}
