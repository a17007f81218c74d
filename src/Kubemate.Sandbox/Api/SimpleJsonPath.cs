using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kubemate.Sandbox.Api;

/// <summary>
/// The JSONPath subset CRD printer columns use: <c>.a.b</c>, <c>.a[0].b</c>, <c>.a[*].b</c> and filters like
/// <c>.status.conditions[?(@.type=="Ready")].status</c>. Several matches are joined with commas.
/// </summary>
public static partial class SimpleJsonPath
{
    public static JsonNode? Evaluate(JsonNode root, string path)
    {
        IEnumerable<JsonNode?> current = [root];
        foreach (Match token in Token().Matches(path.Trim().TrimStart('{').TrimEnd('}')))
        {
            if (token.Groups["field"].Success)
            {
                var field = token.Groups["field"].Value;
                current = current.Select(n => n is JsonObject o ? o[field] : null).Where(n => n is not null);
            }
            else if (token.Groups["index"].Success)
            {
                var index = token.Groups["index"].Value;
                current = current.SelectMany(n => n is JsonArray a
                    ? index == "*" ? a.ToList() : int.TryParse(index, out var i) && i >= 0 && i < a.Count ? [a[i]] : new List<JsonNode?>()
                    : new List<JsonNode?>());
            }
            else if (token.Groups["key"].Success)
            {
                var key = token.Groups["key"].Value;
                var value = token.Groups["value"].Value;
                current = current.SelectMany(n => n is JsonArray a
                    ? a.Where(e => e is JsonObject o && o[key]?.ToString() == value)
                    : Array.Empty<JsonNode?>());
            }
        }
        var results = current.Where(n => n is not null).ToList();
        return results.Count switch
        {
            0 => null,
            1 => results[0]!.DeepClone(),
            _ => string.Join(",", results.Select(r => r is JsonValue v && v.TryGetValue<string>(out var s) ? s : r!.ToJsonString())),
        };
    }

    [GeneratedRegex("""\.(?<field>[A-Za-z0-9_\-]+)|\[(?<index>\*|-?[0-9]+)\]|\[\?\(@\.(?<key>[A-Za-z0-9_\-]+)\s*==\s*["'](?<value>[^"']*)["']\)\]""")]
    private static partial Regex Token();
}
