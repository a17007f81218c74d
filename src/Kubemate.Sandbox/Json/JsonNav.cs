using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Json;

/// <summary>Null-tolerant navigation of Kubernetes objects held as JSON trees.</summary>
public static class JsonNav
{
    public static JsonNode? At(this JsonNode? node, params string[] path)
    {
        foreach (var segment in path)
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(segment, out node))
            {
                return null;
            }
        }
        return node;
    }

    public static string? GetString(this JsonNode? node, params string[] path) =>
        node.At(path) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static long? GetLong(this JsonNode? node, params string[] path) =>
        ApiMachinery.Json.JsonNumbers.TryGetInt64(node.At(path), out var n) ? n
        : ApiMachinery.Json.JsonNumbers.TryGetDouble(node.At(path), out var d) ? (long)d : null;

    public static bool? GetBool(this JsonNode? node, params string[] path) =>
        node.At(path) is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value.GetValue<bool>() : null;

    /// <summary>Returns the object at <paramref name="name"/>, creating an empty one there if it is missing.</summary>
    public static JsonObject Obj(this JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing)
        {
            return existing;
        }
        var created = new JsonObject();
        parent[name] = created;
        return created;
    }

    public static JsonObject Metadata(this JsonObject obj) => obj.Obj("metadata");

    public static string Name(this JsonObject obj) => obj.GetString("metadata", "name") ?? "";

    public static string? Namespace(this JsonObject obj) => obj.GetString("metadata", "namespace");

    public static IReadOnlyDictionary<string, string> Labels(this JsonNode? obj) => StringMap(obj.At("metadata", "labels"));

    public static IReadOnlyDictionary<string, string> Annotations(this JsonNode? obj) => StringMap(obj.At("metadata", "annotations"));

    public static Dictionary<string, string> StringMap(JsonNode? node)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                {
                    map[key] = v.GetValue<string>();
                }
            }
        }
        return map;
    }

    public static JsonObject CloneObject(this JsonObject obj) => (JsonObject)obj.DeepClone();
}
