using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using YamlDotNet.Core;

namespace Kubemate.ApiMachinery.Yaml;

/// <summary>
/// Converts between YAML text and <see cref="JsonNode"/> trees with the scalar rules
/// Kubernetes uses (sigs.k8s.io/yaml: YAML 1.1-style plain scalars for bools, nulls and numbers;
/// quoted scalars are always strings).
/// </summary>
public static class YamlJson
{
    /// <summary>Parses every document of a (possibly multi-document) YAML stream. Empty documents are skipped.</summary>
    /// <exception cref="YamlFormatException">not YAML, a construct Kubernetes refuses, or over <see cref="YamlLimits.Default"/>.</exception>
    public static IReadOnlyList<JsonNode> ParseDocuments(string yaml) => ParseDocuments(yaml, YamlLimits.Default);

    /// <inheritdoc cref="ParseDocuments(string)"/>
    public static IReadOnlyList<JsonNode> ParseDocuments(string yaml, YamlLimits limits) => new YamlTreeReader(limits).Read(yaml);

    /// <summary>Parses a YAML stream that must hold exactly one document.</summary>
    public static JsonNode? Parse(string yaml)
    {
        var documents = ParseDocuments(yaml);
        return documents.Count switch
        {
            0 => null,
            1 => documents[0],
            _ => throw new YamlFormatException($"expected one YAML document, found {documents.Count}"),
        };
    }

    /// <summary>
    /// Expands Kubernetes <c>List</c> objects (kind ending in "List" with an <c>items</c> array) into their items,
    /// as kubectl does with <c>apply -f</c>.
    /// </summary>
    public static IEnumerable<JsonObject> ExpandLists(IEnumerable<JsonNode> documents)
    {
        foreach (var document in documents)
        {
            if (document is not JsonObject obj)
            {
                continue;
            }
            var kind = obj["kind"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? obj["kind"]!.GetValue<string>() : null;
            if (kind is not null && kind.EndsWith("List", StringComparison.Ordinal) && obj["items"] is JsonArray items)
            {
                foreach (var item in items.OfType<JsonObject>())
                {
                    yield return (JsonObject)item.DeepClone();
                }
            }
            else
            {
                yield return obj;
            }
        }
    }

    internal static JsonNode? ToJsonScalar(string value, ScalarStyle style, TagName tag)
    {
        if (style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return JsonValue.Create(value);
        }
        if (!tag.IsEmpty && !tag.IsNonSpecific && tag.Value == "tag:yaml.org,2002:str")
        {
            return JsonValue.Create(value);
        }
        return PlainScalar(value);
    }

    internal static JsonNode? PlainScalar(string value)
    {
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y":
                return value is "y" or "Y" ? JsonValue.Create(value) : JsonValue.Create(true);
            case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "n" or "N":
                return value is "n" or "N" ? JsonValue.Create(value) : JsonValue.Create(false);
        }
        if (LooksNumeric(value))
        {
            if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                return JsonValue.Create(integer);
            }
            if (value.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                && long.TryParse(value.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
            {
                return JsonValue.Create(hex);
            }
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
            {
                return JsonValue.Create(real);
            }
        }
        return JsonValue.Create(value);
    }

    private static bool LooksNumeric(string value)
    {
        var span = value.AsSpan();
        if (span.Length == 0)
        {
            return false;
        }
        if (span[0] is '+' or '-')
        {
            span = span[1..];
        }
        if (span.Length == 0 || !(char.IsAsciiDigit(span[0]) || span[0] == '.'))
        {
            return false;
        }
        // Leading zeros ("0755", "007") stay strings as in YAML 1.2 core schema, except plain "0" and decimals "0.5".
        if (span.Length > 1 && span[0] == '0' && char.IsAsciiDigit(span[1]))
        {
            return false;
        }
        foreach (var c in span)
        {
            if (!(char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-' or 'x' or 'X' || char.IsAsciiHexDigit(c)))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Writes one JSON tree as a YAML document with deterministic layout (keys in their stored order).</summary>
    public static string Serialize(JsonNode? node)
    {
        var builder = new StringBuilder();
        WriteDocument(builder, node);
        return builder.ToString();
    }

    /// <summary>Writes several documents separated by <c>---</c>.</summary>
    public static string SerializeDocuments(IEnumerable<JsonNode?> nodes)
    {
        var builder = new StringBuilder();
        var first = true;
        foreach (var node in nodes)
        {
            if (!first)
            {
                builder.Append("---\n");
            }
            first = false;
            WriteDocument(builder, node);
        }
        return builder.ToString();
    }

    private static void WriteDocument(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                WriteObject(builder, obj, 0);
                break;
            case JsonArray array when array.Count > 0:
                WriteArray(builder, array, 0);
                break;
            default:
                builder.Append(YamlScalars.Format(node)).Append('\n');
                break;
        }
    }

    private static void WriteObject(StringBuilder builder, JsonObject obj, int indent)
    {
        foreach (var (key, value) in obj)
        {
            builder.Append(' ', indent).Append(YamlScalars.FormatKey(key)).Append(':');
            WriteValueAfterKey(builder, value, indent);
        }
    }

    private static void WriteArray(StringBuilder builder, JsonArray array, int indent)
    {
        foreach (var item in array)
        {
            builder.Append(' ', indent).Append('-');
            switch (item)
            {
                case JsonObject obj when obj.Count > 0:
                    builder.Append(' ');
                    var nested = new StringBuilder();
                    WriteObject(nested, obj, indent + 2);
                    // The first key goes on the dash's line.
                    builder.Append(nested.ToString(indent + 2, nested.Length - indent - 2));
                    break;
                case JsonArray inner when inner.Count > 0:
                    builder.Append('\n');
                    WriteArray(builder, inner, indent + 2);
                    break;
                default:
                    builder.Append(' ').Append(YamlScalars.Format(item, indent + 2)).Append('\n');
                    break;
            }
        }
    }

    private static void WriteValueAfterKey(StringBuilder builder, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject obj when obj.Count > 0:
                builder.Append('\n');
                WriteObject(builder, obj, indent + 2);
                break;
            case JsonArray array when array.Count > 0:
                builder.Append('\n');
                WriteArray(builder, array, indent);
                break;
            default:
                builder.Append(' ').Append(YamlScalars.Format(value, indent + 2)).Append('\n');
                break;
        }
    }
}
