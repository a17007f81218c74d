using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.Selectors;

/// <summary>
/// A field selector (<c>metadata.name=web,status.phase!=Running</c>): terms that must all hold. Values may escape
/// <c>\</c>, <c>,</c> and <c>=</c> with a backslash. Which fields a kind supports is the server's decision:
/// check with <see cref="UnsupportedFields"/> before matching.
/// </summary>
public sealed class FieldSelector
{
    private FieldSelector(IReadOnlyList<FieldRequirement> requirements)
    {
        Requirements = requirements;
    }

    public static FieldSelector Everything { get; } = new([]);

    /// <summary>The terms, in the sorted order the apiserver uses.</summary>
    public IReadOnlyList<FieldRequirement> Requirements { get; }

    public bool IsEverything => Requirements.Count == 0;

    /// <summary>Parses a field selector; null or blank text selects everything.</summary>
    /// <exception cref="SelectorFormatException">a term has no operator or a value is badly escaped.</exception>
    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }
        var requirements = new List<FieldRequirement>();
        foreach (var term in SplitTerms(text).Order(StringComparer.Ordinal))
        {
            if (term.Length == 0)
            {
                continue;
            }
            var (field, op, rawValue) = SplitTerm(term)
                ?? throw new SelectorFormatException($"invalid selector: '{text}'; can't understand '{term}'");
            requirements.Add(new FieldRequirement(field, op, UnescapeValue(rawValue)));
        }
        return new FieldSelector(requirements);
    }

    /// <summary>Evaluates every term against the object's fields (see <see cref="ValueAt"/>).</summary>
    public bool Matches(JsonObject obj) => Matches(field => ValueAt(obj, field));

    /// <summary>Evaluates every term with field values supplied by the caller (for kinds whose field labels are computed).</summary>
    public bool Matches(Func<string, string?> valueOf) => Requirements.All(r => r.Matches(valueOf(r.Field)));

    /// <summary>The fields this selector uses that are not in <paramref name="allowed"/>, each once, in order.</summary>
    public IReadOnlyList<string> UnsupportedFields(IEnumerable<string> allowed)
    {
        var allowedSet = allowed as ISet<string> ?? new HashSet<string>(allowed, StringComparer.Ordinal);
        return Requirements.Select(r => r.Field).Where(f => !allowedSet.Contains(f)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The error text the apiserver gives for a field it does not index for the kind.</summary>
    public static string UnsupportedFieldMessage(string field) => $"field label not supported: {field}";

    /// <summary>When the selector pins <paramref name="field"/> with <c>=</c> or <c>==</c>, that value (e.g. <c>metadata.name</c> for watching one object).</summary>
    public bool TryGetExactMatch(string field, out string value)
    {
        var requirement = Requirements.FirstOrDefault(r => r.Field == field && r.Operator != SelectorOperator.NotEquals);
        value = requirement?.Value ?? "";
        return requirement is not null;
    }

    public override string ToString() => string.Join(",", Requirements.Select(r => r.ToString()));

    /// <summary>
    /// The value at a dotted path (<c>status.phase</c>, <c>involvedObject.name</c>) rendered as a field selector sees it:
    /// strings as they are, booleans as <c>true</c>/<c>false</c>, numbers as written; null when the path is absent.
    /// </summary>
    public static string? ValueAt(JsonObject obj, string path)
    {
        JsonNode? current = obj;
        foreach (var segment in path.Split('.'))
        {
            if (current is not JsonObject container || !container.TryGetPropertyValue(segment, out current))
            {
                return null;
            }
        }
        return current switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => current.ToJsonString(),
        };
    }

    /// <summary>Escapes a literal value for use in a field selector.</summary>
    public static string EscapeValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal).Replace("=", "\\=", StringComparison.Ordinal);

    /// <summary>Splits on commas that are not escaped; escapes stay in the terms.</summary>
    private static List<string> SplitTerms(string text)
    {
        var terms = new List<string>();
        var start = 0;
        var escaped = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (escaped)
            {
                escaped = false;
            }
            else if (text[i] == '\\')
            {
                escaped = true;
            }
            else if (text[i] == ',')
            {
                terms.Add(text[start..i]);
                start = i + 1;
            }
        }
        terms.Add(text[start..]);
        return terms;
    }

    /// <summary>Splits at the first operator: field names cannot escape, so the first <c>!=</c>, <c>==</c> or <c>=</c> wins.</summary>
    private static (string Field, SelectorOperator Operator, string Value)? SplitTerm(string term)
    {
        for (var i = 0; i < term.Length; i++)
        {
            if (string.CompareOrdinal(term, i, "!=", 0, 2) == 0)
            {
                return (term[..i], SelectorOperator.NotEquals, term[(i + 2)..]);
            }
            if (string.CompareOrdinal(term, i, "==", 0, 2) == 0)
            {
                return (term[..i], SelectorOperator.DoubleEquals, term[(i + 2)..]);
            }
            if (term[i] == '=')
            {
                return (term[..i], SelectorOperator.Equals, term[(i + 1)..]);
            }
        }
        return null;
    }

    private static string UnescapeValue(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        var escaped = false;
        foreach (var c in raw)
        {
            if (escaped)
            {
                if (c is not ('\\' or ',' or '='))
                {
                    throw new SelectorFormatException($"invalid field selector: invalid escape sequence: \\{c}");
                }
                builder.Append(c);
                escaped = false;
            }
            else if (c == '\\')
            {
                escaped = true;
            }
            else if (c is ',' or '=')
            {
                throw new SelectorFormatException($"invalid field selector: unescaped character in value: {c}");
            }
            else
            {
                builder.Append(c);
            }
        }
        if (escaped)
        {
            throw new SelectorFormatException("invalid field selector: invalid escape sequence: \\");
        }
        return builder.ToString();
    }
}
