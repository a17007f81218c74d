using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Simulation.Tests.Injection;

/// <summary>Small pods and namespaces for injector tests.</summary>
internal static class TestPods
{
    public static JsonObject Pod(
        string ns = "orders",
        IReadOnlyDictionary<string, string>? annotations = null,
        IReadOnlyDictionary<string, string>? labels = null,
        JsonArray? ports = null)
    {
        var metadata = new JsonObject
        {
            ["name"] = "orders-7d9c8f6b5d-x2v4q",
            ["namespace"] = ns,
            ["labels"] = Map(labels ?? new Dictionary<string, string> { ["app"] = "orders", ["pod-template-hash"] = "7d9c8f6b5d" }),
            ["ownerReferences"] = new JsonArray
            {
                new JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = "ReplicaSet", ["name"] = "orders-7d9c8f6b5d", ["controller"] = true },
            },
        };
        if (annotations is not null)
        {
            metadata["annotations"] = Map(annotations);
        }
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["containers"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["name"] = "orders",
                        ["image"] = "registry.bank.internal/orders:1.4.2",
                        ["ports"] = ports ?? new JsonArray { new JsonObject { ["containerPort"] = 8080, ["name"] = "http" } },
                    },
                },
                ["serviceAccountName"] = "orders",
            },
        };
    }

    public static JsonObject Namespace(string name = "orders", IReadOnlyDictionary<string, string>? annotations = null, IReadOnlyDictionary<string, string>? labels = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (annotations is not null)
        {
            metadata["annotations"] = Map(annotations);
        }
        if (labels is not null)
        {
            metadata["labels"] = Map(labels);
        }
        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = metadata };
    }

    public static JsonObject Container(JsonObject pod, string name, string list = "containers") =>
        pod["spec"]![list]!.AsArray().OfType<JsonObject>().Single(c => c["name"]!.ToString() == name);

    public static IReadOnlyList<string> Names(JsonObject pod, string list) =>
        pod["spec"]?[list]?.AsArray().Select(c => c!["name"]!.ToString()).ToList() ?? [];

    public static string? Env(JsonObject container, string name) =>
        container["env"]!.AsArray().OfType<JsonObject>().SingleOrDefault(e => e["name"]!.ToString() == name)?["value"]?.ToString();

    public static IReadOnlyList<string> Strings(JsonNode? array) => array?.AsArray().Select(a => a!.ToString()).ToList() ?? [];

    public static string? Annotation(JsonObject pod, string key) => pod["metadata"]?["annotations"]?[key]?.ToString();

    public static string? Label(JsonObject pod, string key) => pod["metadata"]?["labels"]?[key]?.ToString();

    private static JsonObject Map(IReadOnlyDictionary<string, string> entries) =>
        new(entries.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)JsonValue.Create(e.Value))));
}
