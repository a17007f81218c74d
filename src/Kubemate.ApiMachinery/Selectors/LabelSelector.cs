using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;

namespace Kubemate.ApiMachinery.Selectors;

/// <summary>
/// A label selector: requirements that must all hold. Built from the query-string syntax (<see cref="Parse"/>),
/// from a <c>LabelSelector</c> object or a plain map as Services use (<see cref="FromJson"/>).
/// <see cref="Nothing"/> (a null selector in JSON) matches no object; an empty selector matches every object.
/// </summary>
public sealed class LabelSelector
{
    private static readonly string[] ExpressionOperators = ["In", "NotIn", "Exists", "DoesNotExist"];

    private LabelSelector(IReadOnlyList<LabelRequirement> requirements, bool matchesNothing)
    {
        Requirements = requirements;
        IsNothing = matchesNothing;
    }

    /// <summary>Matches every set of labels.</summary>
    public static LabelSelector Everything { get; } = new([], matchesNothing: false);

    /// <summary>Matches no set of labels.</summary>
    public static LabelSelector Nothing { get; } = new([], matchesNothing: true);

    /// <summary>The requirements, sorted by key (as the apiserver keeps them).</summary>
    public IReadOnlyList<LabelRequirement> Requirements { get; }

    public bool IsNothing { get; }

    public bool IsEverything => !IsNothing && Requirements.Count == 0;

    /// <summary>
    /// Parses the query-string syntax (<c>app=web,tier in (a,b),!canary</c>). Null or blank text selects everything.
    /// </summary>
    /// <exception cref="SelectorFormatException">the text is not a valid selector.</exception>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }
        return Create(LabelSelectorParser.Parse(text));
    }

    /// <summary>A selector requiring every given label to have exactly the given value.</summary>
    public static LabelSelector FromMap(IReadOnlyDictionary<string, string> labels) =>
        Create(labels.Select(pair => new LabelRequirement(pair.Key, SelectorOperator.Equals, [pair.Value])));

    /// <summary>
    /// Reads a <c>LabelSelector</c> (<c>matchLabels</c>, <c>matchExpressions</c>) or a plain string map. A null node
    /// selects nothing; an empty object selects everything.
    /// </summary>
    /// <param name="fieldPath">where the selector sits in its object, for error messages (e.g. <c>spec.selector</c>).</param>
    /// <exception cref="SelectorFormatException">the selector is malformed; the message names the field.</exception>
    public static LabelSelector FromJson(JsonNode? selector, string fieldPath = "selector")
    {
        var violations = Validate(selector, fieldPath);
        if (violations.Count > 0)
        {
            throw new SelectorFormatException(violations);
        }
        if (selector is not JsonObject obj)
        {
            return Nothing;
        }
        if (IsPlainMap(obj))
        {
            return Create(obj.Select(pair => new LabelRequirement(pair.Key, SelectorOperator.Equals, [pair.Value!.GetValue<string>()])));
        }

        var requirements = new List<LabelRequirement>();
        if (obj["matchLabels"] is JsonObject matchLabels)
        {
            requirements.AddRange(matchLabels.Select(pair =>
                new LabelRequirement(pair.Key, SelectorOperator.Equals, [pair.Value!.GetValue<string>()])));
        }
        if (obj["matchExpressions"] is JsonArray expressions)
        {
            foreach (var expression in expressions.OfType<JsonObject>())
            {
                var op = expression["operator"]!.GetValue<string>() switch
                {
                    "In" => SelectorOperator.In,
                    "NotIn" => SelectorOperator.NotIn,
                    "Exists" => SelectorOperator.Exists,
                    _ => SelectorOperator.DoesNotExist,
                };
                var values = expression["values"] is JsonArray list ? list.Select(v => v!.GetValue<string>()).ToList() : [];
                requirements.Add(new LabelRequirement(expression["key"]!.GetValue<string>(), op, values));
            }
        }
        return Create(requirements);
    }

    /// <summary>
    /// Validates a selector as the apiserver validates <c>spec.selector</c> fields, without building it.
    /// Null is valid (it selects nothing).
    /// </summary>
    public static IReadOnlyList<FieldViolation> Validate(JsonNode? selector, string fieldPath)
    {
        var violations = new List<FieldViolation>();
        if (selector is null)
        {
            return violations;
        }
        if (selector is not JsonObject obj)
        {
            violations.Add(FieldViolation.Invalid(fieldPath, selector, "must be an object"));
            return violations;
        }
        if (IsPlainMap(obj))
        {
            violations.AddRange(ObjectMetaValidator.ValidateLabels(StringMap(obj), fieldPath));
            return violations;
        }

        var matchLabelsPath = fieldPath + ".matchLabels";
        switch (obj["matchLabels"])
        {
            case null:
                break;
            case JsonObject matchLabels:
                var labels = new Dictionary<string, string>();
                foreach (var (key, value) in matchLabels)
                {
                    if (IsString(value))
                    {
                        labels[key] = value!.GetValue<string>();
                    }
                    else
                    {
                        violations.Add(FieldViolation.Invalid($"{matchLabelsPath}[{key}]", value, "must be a string"));
                    }
                }
                violations.AddRange(ObjectMetaValidator.ValidateLabels(labels, matchLabelsPath));
                break;
            default:
                violations.Add(FieldViolation.Invalid(matchLabelsPath, obj["matchLabels"], "must be an object"));
                break;
        }

        var expressionsPath = fieldPath + ".matchExpressions";
        switch (obj["matchExpressions"])
        {
            case null:
                break;
            case JsonArray expressions:
                for (var i = 0; i < expressions.Count; i++)
                {
                    ValidateExpression(expressions[i], $"{expressionsPath}[{i}]", violations);
                }
                break;
            default:
                violations.Add(FieldViolation.Invalid(expressionsPath, obj["matchExpressions"], "must be a list"));
                break;
        }
        return violations;
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels) =>
        !IsNothing && Requirements.All(requirement => requirement.Matches(labels));

    /// <summary>Matches the <c>metadata.labels</c> of an object (missing labels count as none).</summary>
    public bool MatchesObject(JsonObject obj) => Matches(LabelsOf(obj));

    /// <summary>
    /// When the selector pins <paramref name="key"/> to one value (<c>key=v</c>, <c>key==v</c>, <c>key in (v)</c>),
    /// that value; lets a server narrow a lookup before matching.
    /// </summary>
    public bool TryGetExactMatch(string key, out string value)
    {
        var requirement = Requirements.FirstOrDefault(r => r.Key == key);
        if (requirement is { Operator: SelectorOperator.Equals or SelectorOperator.DoubleEquals or SelectorOperator.In, Values.Count: 1 })
        {
            value = requirement.Values[0];
            return true;
        }
        value = "";
        return false;
    }

    /// <summary>The canonical query-string form, requirements sorted by key.</summary>
    public override string ToString() => string.Join(",", Requirements.Select(r => r.ToString()));

    /// <summary>The <c>metadata.labels</c> of an object as a dictionary; non-string values are skipped.</summary>
    public static IReadOnlyDictionary<string, string> LabelsOf(JsonObject obj) =>
        obj["metadata"] is JsonObject metadata && metadata["labels"] is JsonObject labels ? StringMap(labels) : new Dictionary<string, string>();

    /// <summary>Checks one requirement as apimachinery's <c>NewRequirement</c> does; paths are relative to <paramref name="path"/>.</summary>
    internal static List<FieldViolation> CheckRequirement(string key, SelectorOperator op, IReadOnlyList<string> values, string path)
    {
        var prefix = path.Length == 0 ? "" : path + ".";
        var violations = new List<FieldViolation>();
        var keyErrors = NameFormats.IsQualifiedName(key);
        if (keyErrors.Count > 0)
        {
            violations.Add(FieldViolation.Invalid(prefix + "key", key, string.Join("; ", keyErrors)));
        }
        if (op is SelectorOperator.GreaterThan or SelectorOperator.LessThan)
        {
            for (var i = 0; i < values.Count; i++)
            {
                if (!long.TryParse(values[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                {
                    violations.Add(FieldViolation.Invalid($"{prefix}values[{i}]", values[i], "for 'Gt', 'Lt' operators, the value must be an integer"));
                }
            }
        }
        for (var i = 0; i < values.Count; i++)
        {
            var valueErrors = NameFormats.IsLabelValue(values[i]);
            if (valueErrors.Count > 0)
            {
                violations.Add(FieldViolation.Invalid($"{prefix}values[{i}][{key}]", values[i], string.Join("; ", valueErrors)));
            }
        }
        return violations;
    }

    private static void ValidateExpression(JsonNode? node, string path, List<FieldViolation> violations)
    {
        if (node is not JsonObject expression)
        {
            violations.Add(FieldViolation.Invalid(path, node, "must be an object"));
            return;
        }
        var reader = new JsonFieldReader(violations);
        var key = reader.String(expression, "key", path + ".key");
        if (key is null)
        {
            violations.Add(FieldViolation.Required(path + ".key"));
        }
        else
        {
            foreach (var message in NameFormats.IsQualifiedName(key))
            {
                violations.Add(FieldViolation.Invalid(path + ".key", key, message));
            }
        }

        var values = reader.StringList(expression, "values", path + ".values");
        var op = reader.String(expression, "operator", path + ".operator");
        switch (op)
        {
            case "In" or "NotIn":
                if (values.Count == 0)
                {
                    violations.Add(FieldViolation.Required(path + ".values", "must be specified when `operator` is 'In' or 'NotIn'"));
                }
                break;
            case "Exists" or "DoesNotExist":
                if (values.Count > 0)
                {
                    violations.Add(FieldViolation.Forbidden(path + ".values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
                }
                break;
            case null:
                violations.Add(FieldViolation.Required(path + ".operator"));
                break;
            default:
                violations.Add(FieldViolation.NotSupported(path + ".operator", op, ExpressionOperators));
                break;
        }
        for (var i = 0; i < values.Count; i++)
        {
            foreach (var message in NameFormats.IsLabelValue(values[i]))
            {
                violations.Add(FieldViolation.Invalid($"{path}.values[{i}]", values[i], message));
            }
        }
    }

    /// <summary>A Service-style selector: every property is a string (a LabelSelector has an object and a list).</summary>
    private static bool IsPlainMap(JsonObject obj) => obj.All(pair => IsString(pair.Value));

    private static bool IsString(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;

    private static Dictionary<string, string> StringMap(JsonObject obj) =>
        obj.Where(pair => IsString(pair.Value)).ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>(), StringComparer.Ordinal);

    private static LabelSelector Create(IEnumerable<LabelRequirement> requirements) =>
        new(requirements.OrderBy(r => r.Key, StringComparer.Ordinal).ToList(), matchesNothing: false);
}
