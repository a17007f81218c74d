using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.Yaml;

/// <summary>Formats scalars so that reading them back gives the same JSON value and type.</summary>
internal static class YamlScalars
{
    public static string FormatKey(string key) => NeedsQuotes(key) ? Quote(key) : key;

    public static string Format(JsonNode? node, int indent = 0)
    {
        switch (node)
        {
            case null:
                return "null";
            case JsonObject:
                return "{}";
            case JsonArray:
                return "[]";
        }
        var value = node.AsValue();
        switch (value.GetValueKind())
        {
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Number:
                return value.ToJsonString();
            case JsonValueKind.String:
                var text = value.GetValue<string>();
                if (text.Contains('\n') && !text.Contains('\r') && !text.Contains('\t') && text.Trim(' ', '\n').Length > 0 && !text.StartsWith(' '))
                {
                    return Literal(text, indent);
                }
                return NeedsQuotes(text) ? Quote(text) : text;
            default:
                return value.ToJsonString();
        }
    }

    private static string Literal(string text, int indent)
    {
        var chomp = text.EndsWith("\n\n", StringComparison.Ordinal) ? "+" : text.EndsWith('\n') ? string.Empty : "-";
        var builder = new StringBuilder("|").Append(chomp);
        var body = text.EndsWith('\n') ? text[..^1] : text;
        if (chomp == "+")
        {
            body = text[..^1];
        }
        foreach (var line in body.Split('\n'))
        {
            builder.Append('\n');
            if (line.Length > 0)
            {
                builder.Append(' ', indent).Append(line);
            }
        }
        return builder.ToString();
    }

    private static bool NeedsQuotes(string text)
    {
        if (text.Length == 0 || text != text.Trim())
        {
            return true;
        }
        if (YamlJson.PlainScalar(text) is not JsonValue parsed
            || parsed.GetValueKind() != JsonValueKind.String
            || parsed.GetValue<string>() != text)
        {
            return true;
        }
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is '#' or '\'' or '"' || c > '\u007e')
            {
                return true;
            }
        }
        return text.Contains(": ", StringComparison.Ordinal) || text[0] is '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`';
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text, QuoteOptions);

    private static readonly JsonSerializerOptions QuoteOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
