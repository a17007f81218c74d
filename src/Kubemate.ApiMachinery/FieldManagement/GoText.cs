using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>
/// Values as the apiserver spells them: JSON text inside FieldsV1 keys (Go's encoding, sorted object keys) and the
/// <c>%v</c> print form used in field paths of conflict messages.
/// </summary>
internal static class GoText
{
    /// <summary>JSON text as the apiserver writes it inside FieldsV1 keys (Go escaping, sorted object keys).</summary>
    public static string Json(JsonNode? node)
    {
        var text = new StringBuilder();
        WriteGoJson(text, node);
        return text.ToString();
    }

    /// <summary>Go's <c>%v</c>-style print form used in field paths: strings quoted, numbers and bools bare.</summary>
    public static string PrintForm(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray array => "[" + string.Join(",", array.Select(PrintForm)) + "]",
        JsonObject obj => string.Concat(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={PrintForm(p.Value)}")),
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => Quote(JsonValues.StringOf(node), escapeHtml: false),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => FormatNumber(JsonValues.NumberOf(node), node.ToJsonString()),
            _ => "null",
        },
    };

    private static string FormatNumber(double number, string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer.ToString(CultureInfo.InvariantCulture);
        }
        if (Math.Floor(number) == number && Math.Abs(number) < 1e21)
        {
            return number.ToString("F0", CultureInfo.InvariantCulture);
        }
        return number.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
    }

    private static void WriteGoJson(StringBuilder text, JsonNode? node)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                return;
            case JsonObject obj:
                text.Append('{');
                var first = true;
                foreach (var (name, child) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        text.Append(',');
                    }
                    first = false;
                    text.Append(Quote(name, escapeHtml: true)).Append(':');
                    WriteGoJson(text, child);
                }
                text.Append('}');
                return;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }
                    WriteGoJson(text, array[i]);
                }
                text.Append(']');
                return;
        }
        switch (node.GetValueKind())
        {
            case JsonValueKind.String:
                text.Append(Quote(JsonValues.StringOf(node), escapeHtml: true));
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            case JsonValueKind.Number:
                text.Append(FormatNumber(JsonValues.NumberOf(node), node.ToJsonString()));
                break;
            default:
                text.Append("null");
                break;
        }
    }

    // Go's encoding/json escapes <, > and & as \u003c etc. and the line/paragraph separators; %q does not.
    private static string Quote(string value, bool escapeHtml)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '<' or '>' or '&' or '\u2028' or '\u2029' when escapeHtml:
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (c < 0x20)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }
                    break;
            }
        }
        return text.Append('"').ToString();
    }
}
