using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubemate.Renderers.Json;

/// <summary>
/// Reads a field out of an object and removes it, but only when it has the type the model expects;
/// anything left behind is what the model does not understand and is kept verbatim.
/// </summary>
internal static class JsonTake
{
    public static string? String(JsonObject obj, string key) =>
        obj[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? Remove(obj, key, value.GetValue<string>()) : null;

    public static long? Long(JsonObject obj, string key) =>
        obj[key] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number) && IsPlainInteger(value)
            ? Remove<long?>(obj, key, number)
            : null;

    public static int? Int(JsonObject obj, string key) =>
        obj[key] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number) && number is >= int.MinValue and <= int.MaxValue && IsPlainInteger(value)
            ? Remove<int?>(obj, key, (int)number)
            : null;

    public static bool? Bool(JsonObject obj, string key) =>
        obj[key] is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? Remove<bool?>(obj, key, value.GetValue<bool>()) : null;

    /// <summary>Takes a nested object whole; the caller puts back what it leaves unread.</summary>
    public static JsonObject? Object(JsonObject obj, string key, Func<JsonObject, bool>? accept = null)
    {
        if (obj[key] is not JsonObject inner || (accept is not null && !accept(inner)))
        {
            return null;
        }
        obj.Remove(key);
        return inner;
    }

    /// <summary>Takes an array whose items are all objects.</summary>
    public static List<JsonObject>? Objects(JsonObject obj, string key)
    {
        if (obj[key] is not JsonArray array || array.Any(item => item is not JsonObject))
        {
            return null;
        }
        obj.Remove(key);
        var items = array.Cast<JsonObject>().ToList();
        array.Clear();
        return items;
    }

    public static IReadOnlyList<string>? Strings(JsonObject obj, string key)
    {
        if (obj[key] is not JsonArray array || array.Any(item => item is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
        {
            return null;
        }
        obj.Remove(key);
        return array.Select(item => item!.GetValue<string>()).ToList();
    }

    public static IReadOnlyDictionary<string, string>? StringMap(JsonObject obj, string key)
    {
        if (obj[key] is not JsonObject map || map.Any(entry => entry.Value is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
        {
            return null;
        }
        obj.Remove(key);
        return map.ToDictionary(entry => entry.Key, entry => entry.Value!.GetValue<string>(), StringComparer.Ordinal);
    }

    /// <summary>Puts back under <paramref name="key"/> whatever of a taken object was not read.</summary>
    public static void PutBackRest(JsonObject obj, string key, JsonObject? rest)
    {
        if (rest is { Count: > 0 })
        {
            obj[key] = rest;
        }
    }

    public static JsonObject? Rest(JsonObject obj) => obj.Count == 0 ? null : obj;

    private static T Remove<T>(JsonObject obj, string key, T value)
    {
        obj.Remove(key);
        return value;
    }

    // 12 and 12.0 are both numbers; only the first is rendered back the same way.
    private static bool IsPlainInteger(JsonValue value) => !value.ToJsonString().Contains('.', StringComparison.Ordinal) && !value.ToJsonString().Contains('e', StringComparison.OrdinalIgnoreCase);
}
