using System.Text.Json.Nodes;

namespace Kubemate.Renderers.Json;

internal static class JsonMerge
{
    /// <summary>Adds fields the model kept verbatim to a rendered object; fields the renderer wrote win.</summary>
    public static JsonObject WithUnknown(this JsonObject target, JsonObject? unknown)
    {
        if (unknown is null)
        {
            return target;
        }
        foreach (var (key, value) in unknown)
        {
            if (target[key] is JsonObject existing && value is JsonObject nested)
            {
                existing.WithUnknown(nested);
            }
            else if (!target.ContainsKey(key))
            {
                target[key] = value?.DeepClone();
            }
        }
        return target;
    }

    public static JsonObject Set(this JsonObject target, string key, JsonNode? value)
    {
        if (value is not null)
        {
            target[key] = value;
        }
        return target;
    }

    public static JsonObject Set(this JsonObject target, string key, string? value) => value is null ? target : target.Set(key, JsonValue.Create(value));

    public static JsonObject Set(this JsonObject target, string key, long? value) => value is null ? target : target.Set(key, JsonValue.Create(value.Value));

    public static JsonObject Set(this JsonObject target, string key, int? value) => value is null ? target : target.Set(key, JsonValue.Create(value.Value));

    public static JsonObject Set(this JsonObject target, string key, bool? value) => value is null ? target : target.Set(key, JsonValue.Create(value.Value));

    public static JsonObject Set(this JsonObject target, string key, IEnumerable<string>? values) =>
        values is null ? target : target.Set(key, new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()));

    public static JsonObject Set(this JsonObject target, string key, IReadOnlyDictionary<string, string>? map) =>
        map is null ? target : target.Set(key, StringMap(map));

    public static JsonObject StringMap(IEnumerable<KeyValuePair<string, string>> map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map)
        {
            obj[key] = value;
        }
        return obj;
    }

    public static JsonArray Array(IEnumerable<JsonNode?> items) => new(items.ToArray());
}
