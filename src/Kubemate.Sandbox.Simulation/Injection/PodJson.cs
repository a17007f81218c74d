using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Simulation.Injection;

/// <summary>Tolerant readers and writers for the parts of a Pod (or Namespace) object the injectors touch.</summary>
internal static class PodJson
{
    public static JsonObject? Object(JsonNode? parent, string name) => parent is JsonObject obj ? obj[name] as JsonObject : null;

    public static JsonArray? Array(JsonNode? parent, string name) => parent is JsonObject obj ? obj[name] as JsonArray : null;

    public static string? String(JsonNode? parent, string name) =>
        parent is JsonObject obj && obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static bool IsTrue(JsonNode? parent, string name) =>
        parent is JsonObject obj && obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    public static bool IsFalse(JsonNode? parent, string name) =>
        parent is JsonObject obj && obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.False;

    /// <summary>An integer field, whatever CLR type the number node holds (parsed JSON, long, int).</summary>
    public static int? Int(JsonNode? parent, string name) =>
        parent is JsonObject obj && obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && int.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number : null;

    /// <summary>String-valued entries of <c>metadata.annotations</c> or <c>metadata.labels</c>; anything else is ignored.</summary>
    public static IReadOnlyDictionary<string, string> StringMap(JsonNode? obj, string field)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Object(Object(obj, "metadata"), field) is { } entries)
        {
            foreach (var (key, value) in entries)
            {
                if (value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String)
                {
                    map[key] = scalar.GetValue<string>();
                }
            }
        }
        return map;
    }

    public static IEnumerable<JsonObject> Containers(JsonObject? spec, string field = "containers") =>
        Array(spec, field)?.OfType<JsonObject>() ?? [];

    public static JsonObject EnsureObject(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing)
        {
            return existing;
        }
        var created = new JsonObject();
        parent[name] = created;
        return created;
    }

    public static JsonArray EnsureArray(JsonObject parent, string name)
    {
        if (parent[name] is JsonArray existing)
        {
            return existing;
        }
        var created = new JsonArray();
        parent[name] = created;
        return created;
    }

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    public static JsonObject FieldRef(string name, string fieldPath) => new()
    {
        ["name"] = name,
        ["valueFrom"] = new JsonObject { ["fieldRef"] = new JsonObject { ["fieldPath"] = fieldPath } },
    };

    /// <summary>An env entry; an empty value is left out, as Kubernetes serialises it.</summary>
    public static JsonObject Env(string name, string value)
    {
        var env = new JsonObject { ["name"] = name };
        if (value.Length > 0)
        {
            env["value"] = value;
        }
        return env;
    }
}
