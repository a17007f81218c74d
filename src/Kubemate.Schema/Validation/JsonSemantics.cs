using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Schema.Formatting;

namespace Kubemate.Schema.Validation;

/// <summary>JSON values as the apiserver sees them after decoding into Go's <c>interface{}</c>.</summary>
internal static class JsonSemantics
{
    /// <summary>The OpenAPI type name of a value: <c>object</c>, <c>array</c>, <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c> or <c>null</c>.</summary>
    public static string TypeName(JsonNode? value)
    {
        switch (value)
        {
            case null:
                return "null";
            case JsonObject:
                return "object";
            case JsonArray:
                return "array";
        }
        return value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => NumberValue.TryRead(value, out var number) && number.IsInteger ? "integer" : "number",
            _ => "null",
        };
    }

    /// <summary>The Go format name of a decoded scalar (<c>int64</c>, <c>float64</c>), as used in format type errors.</summary>
    public static string GoFormatName(JsonNode? value) => TypeName(value) switch
    {
        "integer" => "int64",
        "number" => "float64",
        _ => string.Empty,
    };

    /// <summary>
    /// Reads a JSON string. Values built in code may hold other CLR types that serialize as strings (dates, GUIDs,
    /// enums); those are read through their JSON text.
    /// </summary>
    public static bool IsString(JsonNode? value, out string text)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            text = v.TryGetValue<string>(out var direct) ? direct : JsonSerializer.Deserialize<string>(v.ToJsonString()) ?? string.Empty;
            return true;
        }
        text = string.Empty;
        return false;
    }

    /// <summary>Equality as Go's enum check does it: numbers compare by value, objects and arrays deeply.</summary>
    public static bool SemanticEquals(JsonNode? left, JsonNode? right)
    {
        if (NumberValue.TryRead(left, out var a) && NumberValue.TryRead(right, out var b))
        {
            return a.IsInteger && b.IsInteger ? a.Integer == b.Integer : a.Double.Equals(b.Double);
        }
        return CanonicalKey(left) == CanonicalKey(right);
    }

    /// <summary>A key that is equal for equal values and distinguishes types (as Go map keys of decoded values do).</summary>
    public static string CanonicalKey(JsonNode? value)
    {
        var builder = new StringBuilder();
        Append(builder, value, typed: true);
        return builder.ToString();
    }

    /// <summary>Go's <c>json.Marshal</c> of a decoded value: map keys sorted, numbers in Go's shortest form.</summary>
    public static string GoJson(JsonNode? value)
    {
        var builder = new StringBuilder();
        Append(builder, value, typed: false);
        return builder.ToString();
    }

    // typed: floats get an "f" prefix so 1 and 1.5 never collide with integers, as Go map keys of int64/float64 don't.
    private static void Append(StringBuilder builder, JsonNode? value, bool typed)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                return;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, child) in obj.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                {
                    builder.Append(first ? string.Empty : ",").Append(JsonString(key)).Append(':');
                    Append(builder, child, typed);
                    first = false;
                }
                builder.Append('}');
                return;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ",");
                    Append(builder, array[i], typed);
                }
                builder.Append(']');
                return;
        }
        switch (value.GetValueKind())
        {
            case JsonValueKind.String when IsString(value, out var text):
                builder.Append(JsonString(text));
                return;
            case JsonValueKind.True:
                builder.Append("true");
                return;
            case JsonValueKind.False:
                builder.Append("false");
                return;
            case JsonValueKind.Number when NumberValue.TryRead(value, out var number):
                builder.Append(number.IsInteger ? GoFormat.Number(number) : (typed ? "f" : string.Empty) + GoFormat.JsonFloat(number.Double));
                return;
            default:
                builder.Append(value.ToJsonString());
                return;
        }
    }

    // Go escapes <, > and & in JSON strings and keeps other non-ASCII text as is.
    private static string JsonString(string text) =>
        JsonSerializer.Serialize(text, RelaxedOptions)
            .Replace("<", "\\u003c", StringComparison.Ordinal)
            .Replace(">", "\\u003e", StringComparison.Ordinal)
            .Replace("&", "\\u0026", StringComparison.Ordinal);

    private static readonly JsonSerializerOptions RelaxedOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
