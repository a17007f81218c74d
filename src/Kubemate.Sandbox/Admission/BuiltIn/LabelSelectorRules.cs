using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;

namespace Kubemate.Sandbox.Admission.BuiltIn;

/// <summary>
/// A workload's <c>spec.selector</c> (metav1.LabelSelector): its expressions' operators and values, and whether it
/// selects a pod template's labels.
/// </summary>
internal static class LabelSelectorRules
{
    private static readonly string[] Operators = ["In", "NotIn", "Exists", "DoesNotExist"];

    /// <summary>The selector's own rules (ValidateLabelSelector); true when it can be turned into a selector.</summary>
    public static bool Validate(JsonObject selector, string path, List<FieldViolation> errors)
    {
        var usable = true;
        var expressions = Fields.List(selector, "matchExpressions");
        for (var i = 0; i < expressions.Count; i++)
        {
            var expression = expressions[i];
            var at = $"{path}.matchExpressions[{i}]";
            var op = Fields.Text(expression, "operator");
            var hasValues = Fields.List(expression, "values").Count > 0;
            switch (op)
            {
                case "In" or "NotIn" when !hasValues:
                    errors.Add(FieldViolation.Required(at + ".values", "must be specified when `operator` is 'In' or 'NotIn'"));
                    usable = false;
                    break;
                case "Exists" or "DoesNotExist" when hasValues:
                    errors.Add(FieldViolation.Forbidden(at + ".values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
                    usable = false;
                    break;
                case var other when !Operators.Contains(other):
                    errors.Add(FieldViolation.Invalid(at + ".operator", other, "not a valid selector operator"));
                    usable = false;
                    break;
            }
            if (Fields.Text(expression, "key") is var key && NameFormats.IsQualifiedName(key) is { Count: > 0 } keyErrors)
            {
                errors.AddRange(keyErrors.Select(message => FieldViolation.Invalid(at + ".key", key, message)));
                usable = false;
            }
        }
        return usable;
    }

    public static bool IsEmpty(JsonObject selector) =>
        (Fields.StringMap(selector["matchLabels"])?.Count ?? 0) + Fields.List(selector, "matchExpressions").Count == 0;

    /// <summary>Whether the selector selects these labels; an absent selector selects nothing.</summary>
    public static bool Matches(JsonObject? selector, JsonNode? labelsNode)
    {
        if (selector is null)
        {
            return false;
        }
        var labels = Fields.StringMap(labelsNode) ?? [];
        var matchLabels = Fields.StringMap(selector["matchLabels"]) ?? [];
        if (matchLabels.Any(required => !labels.TryGetValue(required.Key, out var value) || value != required.Value))
        {
            return false;
        }
        return Fields.List(selector, "matchExpressions").All(expression =>
        {
            var key = Fields.Text(expression, "key");
            var values = Fields.List(expression, "values").Select(v => v?.ToString()).ToHashSet(StringComparer.Ordinal);
            var present = labels.TryGetValue(key, out var value);
            return Fields.Text(expression, "operator") switch
            {
                "In" => present && values.Contains(value),
                "NotIn" => !present || !values.Contains(value),
                "Exists" => present,
                "DoesNotExist" => !present,
                _ => false,
            };
        });
    }
}
