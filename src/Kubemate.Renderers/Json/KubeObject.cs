using System.Text.Json.Nodes;
using Kubemate.Model.Edge;

namespace Kubemate.Renderers.Json;

/// <summary>Starts Kubernetes objects (apiVersion, kind, metadata) and reads their identity.</summary>
public static class KubeObject
{
    public static JsonObject Create(string apiVersion, string kind, string name, string? @namespace, IReadOnlyDictionary<string, string>? labels = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        metadata.Set("namespace", @namespace);
        metadata.Set("labels", labels);
        return new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = metadata };
    }

    internal static JsonObject Create(string apiVersion, string kind, EdgeObjectMeta metadata) =>
        new() { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = MetadataCodec.Write(metadata) };

    public static string? ApiVersion(JsonObject obj) => Text(obj["apiVersion"]);

    public static string? Kind(JsonObject obj) => Text(obj["kind"]);

    public static string? Name(JsonObject obj) => Text(obj["metadata"]?["name"]);

    public static string? Namespace(JsonObject obj) => Text(obj["metadata"]?["namespace"]);

    /// <summary><c>Kind namespace/name</c>, for messages and reports.</summary>
    public static string Describe(JsonObject obj) =>
        $"{Kind(obj) ?? "?"} {(Namespace(obj) is { } ns ? ns + "/" : "")}{Name(obj) ?? "?"}";

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : null;
}
