using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubemate.Schema.Structural;

/// <summary>Typed reads of schema keywords from the raw JSON (shapes were checked by the schema reader first).</summary>
internal static class RawSchema
{
    public static string? Text(this JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static bool Flag(this JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    public static bool IsFalse(this JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue value && value.GetValueKind() == JsonValueKind.False;

    public static JsonObject? Map(this JsonObject schema, string keyword) => schema[keyword] as JsonObject;

    public static JsonArray? List(this JsonObject schema, string keyword) => schema[keyword] as JsonArray;

    public static IReadOnlyList<string> Strings(this JsonObject schema, string keyword) =>
        schema[keyword] is JsonArray list ? list.Select(item => item?.GetValue<string>() ?? string.Empty).ToList() : [];

    public static IEnumerable<(string Name, JsonObject Schema)> PropertySchemas(this JsonObject schema) =>
        schema.Map("properties") is { } properties
            ? properties.Where(pair => pair.Value is JsonObject).Select(pair => (pair.Key, (JsonObject)pair.Value!))
            : [];

    public static JsonObject? Property(this JsonObject schema, string name) => schema.Map("properties")?[name] as JsonObject;

    /// <summary>The sub-schemas of a junctor keyword (<c>allOf</c>, <c>anyOf</c>, <c>oneOf</c>) with their indexes.</summary>
    public static IEnumerable<(int Index, JsonObject Schema)> Branches(this JsonObject schema, string keyword) =>
        schema.List(keyword) is { } list
            ? list.Select((branch, index) => (index, branch as JsonObject)).Where(pair => pair.Item2 is not null).Select(pair => (pair.index, pair.Item2!))
            : [];
}
