using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Structure;

namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>Identifies the elements of set lists (by value) and list-maps (by key fields).</summary>
internal static class ListElements
{
    // Kubernetes fills a missing list-map key from the schema default before keying. The only defaulted key among
    // the built-in kinds is the port protocol (TCP); shapes carry no defaults, so it is known here by name.
    private static readonly IReadOnlyDictionary<string, JsonNode> KeyDefaults = new Dictionary<string, JsonNode>
    {
        ["protocol"] = JsonValue.Create("TCP"),
    };

    /// <summary>The path element of <paramref name="item"/>, the element at <paramref name="index"/> of a list of <paramref name="listShape"/>.</summary>
    public static PathElement ElementOf(JsonNode? item, TypeShape listShape, int index, IReadOnlyList<PathElement> listPath)
    {
        if (listShape.EffectiveListKind() == ListKind.Map)
        {
            return KeyOf(item, listShape.ListMapKeys, index, listPath);
        }
        if (item is JsonObject or JsonArray)
        {
            throw Error(listPath, index, $"associative list without keys has an element that's a {(item is JsonObject ? "map" : "list")} type");
        }
        if (item is null)
        {
            throw Error(listPath, index, "associative list without keys has an element that's an explicit null");
        }
        return PathElement.ForValue(item);
    }

    private static PathElement KeyOf(JsonNode? item, IReadOnlyList<string> keys, int index, IReadOnlyList<PathElement> listPath)
    {
        if (item is null)
        {
            throw Error(listPath, index, "associative list with keys may not have a null element");
        }
        if (item is not JsonObject obj)
        {
            throw Error(listPath, index, "associative list with keys may not have non-map elements");
        }
        var fields = new List<KeyValuePair<string, JsonNode?>>(keys.Count);
        foreach (var key in keys)
        {
            if (obj.TryGetPropertyValue(key, out var value) && value is not null)
            {
                if (value is JsonObject or JsonArray)
                {
                    throw Error(listPath, index, $"key field \"{key}\" must be a scalar, not a {(value is JsonObject ? "map" : "list")}");
                }
                fields.Add(new(key, value));
            }
            else if (KeyDefaults.TryGetValue(key, out var fallback))
            {
                fields.Add(new(key, fallback));
            }
            else
            {
                throw Error(listPath, index, $"associative list with keys has an element that omits key field \"{key}\" (and doesn't have default value)");
            }
        }
        return PathElement.Key(fields);
    }

    private static FieldManagementException Error(IReadOnlyList<PathElement> listPath, int index, string reason) =>
        new(FieldPath.Of(listPath).ToString(), $"element {index}: {reason}");

    /// <summary>The JSON kind of a value for messages: object, list, string, number, boolean, null.</summary>
    public static string KindName(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "list",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        },
    };
}
