using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Json;

namespace Kubemate.Sandbox.Admission.BuiltIn;

/// <summary>
/// Reads fields the way validation sees a decoded typed object: a missing or null field is Go's zero value.
/// Wrong JSON types never reach here for kinds the typed decoding check covers; elsewhere they read as absent.
/// </summary>
internal static class Fields
{
    public static string Text(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : "";

    public static long? Integer(JsonNode? node, string name) =>
        node is JsonObject obj && JsonNumbers.TryGetInt64(obj[name], out var number) ? number : null;

    public static JsonArray List(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonArray list ? list : [];

    /// <summary>A <c>map[string]string</c>: null when absent (Go's nil map), string values only.</summary>
    public static SortedDictionary<string, string>? StringMap(JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            return null;
        }
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            if (value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String)
            {
                map[key] = scalar.GetValue<string>();
            }
        }
        return map;
    }
}
