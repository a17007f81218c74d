using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubemate.Model.Kube;

/// <summary>Small helpers for reading and building Kubernetes objects as <see cref="JsonObject"/> trees.</summary>
public static class KubeJson
{
    /// <summary>A new object with apiVersion, kind and metadata (name, and namespace when given).</summary>
    public static JsonObject NewObject(string apiVersion, string kind, string name, string? @namespace)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (@namespace is not null)
        {
            metadata["namespace"] = @namespace;
        }
        return new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = metadata };
    }

    public static string ApiVersion(JsonObject obj) => String(obj, "apiVersion") ?? "";

    public static string Kind(JsonObject obj) => String(obj, "kind") ?? "";

    public static string Name(JsonObject obj) => String(obj, "metadata.name") ?? "";

    public static string? Namespace(JsonObject obj) => String(obj, "metadata.namespace");

    /// <summary>The API group: <c>policy.linkerd.io</c> for <c>policy.linkerd.io/v1beta3</c>, "" for <c>v1</c>.</summary>
    public static string Group(JsonObject obj)
    {
        var apiVersion = ApiVersion(obj);
        var slash = apiVersion.IndexOf('/');
        return slash < 0 ? "" : apiVersion[..slash];
    }

    public static bool Is(JsonObject obj, string group, string kind) => Kind(obj) == kind && Group(obj) == group;

    /// <summary>The node at a dot-separated path, or null.</summary>
    public static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(part, out node))
            {
                return null;
            }
        }
        return node;
    }

    /// <summary>A string at a path; null when missing or not a string.</summary>
    public static string? String(JsonNode? node, string path) =>
        At(node, path) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static JsonObject? Object(JsonNode? node, string path) => At(node, path) as JsonObject;

    public static JsonArray? Array(JsonNode? node, string path) => At(node, path) as JsonArray;

    /// <summary>An integer at a path (JSON number without fraction); null otherwise.</summary>
    public static int? Int(JsonNode? node, string path) => AsInt(At(node, path));

    /// <summary>A JSON number without fraction that fits an int, however the value is stored (int, long, double, element).</summary>
    public static int? AsInt(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }
        return decimal.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : null;
    }

    public static bool? Bool(JsonNode? node, string path) =>
        At(node, path) is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value.GetValue<bool>() : null;

    /// <summary>The object's annotations (empty when none).</summary>
    public static IReadOnlyDictionary<string, string> Annotations(JsonObject obj) => StringMap(Object(obj, "metadata.annotations"));

    public static IReadOnlyDictionary<string, string> StringMap(JsonObject? map)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map is null)
        {
            return result;
        }
        foreach (var (key, value) in map)
        {
            if (value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String)
            {
                result[key] = scalar.GetValue<string>();
            }
        }
        return result;
    }

    /// <summary>Sets <c>metadata.annotations[key]</c>, creating the map when needed.</summary>
    public static void SetAnnotation(JsonObject obj, string key, string value) => SetMetadataMapEntry(obj, "annotations", key, value);

    public static void SetLabel(JsonObject obj, string key, string value) => SetMetadataMapEntry(obj, "labels", key, value);

    private static void SetMetadataMapEntry(JsonObject obj, string map, string key, string value)
    {
        var metadata = obj["metadata"] as JsonObject ?? [];
        obj["metadata"] = metadata;
        var entries = metadata[map] as JsonObject ?? [];
        metadata[map] = entries;
        entries[key] = value;
    }

    /// <summary>The strings of a JSON array (non-strings skipped); empty when missing.</summary>
    public static IReadOnlyList<string> Strings(JsonNode? node, string path) =>
        Array(node, path)?.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()).ToList() ?? [];

    public static JsonArray ToArray(IEnumerable<JsonNode?> items) => new([.. items]);

    public static JsonArray ToArray(IEnumerable<string> items) => new([.. items.Select(s => (JsonNode?)JsonValue.Create(s))]);

    /// <summary>Whether an object holds only the listed keys.</summary>
    public static bool HasOnly(JsonObject? obj, params string[] keys) => obj is null || obj.All(p => keys.Contains(p.Key));
}
