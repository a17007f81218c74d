using System.Text.Json.Nodes;
using Kubemate.Schema.Cel;

namespace Kubemate.Schema.Validation;

/// <summary>
/// Evaluates the CEL rules (<c>x-kubernetes-validations</c>) of every node that has a value, as the apiserver does:
/// <c>self</c> is the node's value; transition rules (<c>oldSelf</c>) run only on updates, where the old object has a
/// value at the same place (found through properties, map keys and map-list keys). Each rule has a cost limit and all
/// rules of one object share a budget; a failed rule is reported at the node with its message.
/// </summary>
internal sealed class CelRuleValidator
{
    private readonly List<FieldError> errors;
    private readonly CelBudget objectBudget = new(CelBudget.PerObjectLimit);
    private bool stopped;

    private CelRuleValidator(List<FieldError> errors)
    {
        this.errors = errors;
    }

    public static void Validate(JsonNode? value, JsonNode? oldValue, bool isUpdate, StructuralSchema schema, FieldPath path, List<FieldError> errors) =>
        new CelRuleValidator(errors).Walk(value, oldValue, isUpdate, schema, path);

    private void Walk(JsonNode? value, JsonNode? oldValue, bool hasOld, StructuralSchema schema, FieldPath path)
    {
        if (value is null || stopped)
        {
            return;
        }
        foreach (var rule in schema.XValidations)
        {
            Evaluate(rule, value, oldValue, hasOld && oldValue is not null, schema, path);
            if (stopped)
            {
                return;
            }
        }
        switch (value)
        {
            case JsonObject obj:
                var oldObject = hasOld ? oldValue as JsonObject : null;
                foreach (var (key, child) in obj)
                {
                    if (schema.Properties.TryGetValue(key, out var property))
                    {
                        Walk(child, oldObject?[key], oldObject?.ContainsKey(key) == true, property, path.Child(key));
                    }
                    else if (schema.AdditionalProperties is { } additional)
                    {
                        Walk(child, oldObject?[key], oldObject?.ContainsKey(key) == true, additional, path.Key(key));
                    }
                }
                break;
            case JsonArray array when schema.Items is { } items:
                var oldArray = hasOld ? oldValue as JsonArray : null;
                for (var i = 0; i < array.Count; i++)
                {
                    var oldItem = oldArray is null ? null : Correlate(array[i], oldArray, schema);
                    Walk(array[i], oldItem, oldItem is not null, items, path.Index(i));
                }
                break;
        }
    }

    // Only items of map lists (same key values) and sets (same value) have an old counterpart.
    private static JsonNode? Correlate(JsonNode? item, JsonArray oldArray, StructuralSchema schema)
    {
        switch (schema.XListType)
        {
            case "map" when item is JsonObject obj:
                return oldArray.FirstOrDefault(old => old is JsonObject candidate
                    && schema.XListMapKeys.All(key => JsonNode.DeepEquals(candidate[key], obj[key])));
            case "set":
                return oldArray.FirstOrDefault(old => JsonNode.DeepEquals(old, item));
            default:
                return null;
        }
    }

    private void Evaluate(ValidationRule rule, JsonNode value, JsonNode? oldValue, bool hasOld, StructuralSchema schema, FieldPath path)
    {
        if (rule.Program is not { } program)
        {
            if (rule.CompileError is not null)
            {
                errors.Add(FieldError.Internal(path.ToString(), $"rule compile error: {rule.CompileError}"));
            }
            return;
        }
        if (program.UsesOldSelf && !hasOld && !rule.OptionalOldSelf)
        {
            return;
        }
        var typeName = schema.Type ?? string.Empty;
        var budget = new CelBudget(CelBudget.PerCallLimit);
        var self = CelJson.ToCel(value, schema);
        try
        {
            var result = program.Evaluate(self, program.UsesOldSelf, hasOld ? CelJson.ToCel(oldValue, schema) : null, budget);
            if (result is not bool passed)
            {
                errors.Add(FieldError.Invalid(path.ToString(), typeName, $"rule did not evaluate to a bool evaluating rule: {RuleText(rule)}"));
            }
            else if (!passed)
            {
                errors.Add(Failure(rule, path, typeName, self, budget));
            }
        }
        catch (CelCostExceededException ex)
        {
            errors.Add(FieldError.Invalid(path.ToString(), typeName,
                $"'{ex.Message}': no further validation rules will be run due to call cost exceeds limit for rule: {RuleText(rule)}"));
            stopped = true;
        }
        catch (CelEvaluationException ex) when (ex.Message.StartsWith("no such overload", StringComparison.Ordinal))
        {
            errors.Add(FieldError.Invalid(path.ToString(), typeName,
                $"'{ex.Message}': call arguments did not match a supported operator, function or macro signature for rule: {RuleText(rule)}"));
        }
        catch (CelEvaluationException ex)
        {
            errors.Add(FieldError.Invalid(path.ToString(), typeName, $"{ex.Message} evaluating rule: {RuleText(rule)}"));
        }
        // Any other failure of a library function on a hostile value is an evaluation error, never a crashed request.
        catch (Exception ex) when (ex is ArithmeticException or ArgumentException or FormatException or InvalidOperationException
            or IndexOutOfRangeException or InsufficientExecutionStackException or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            errors.Add(FieldError.Invalid(path.ToString(), typeName, $"{ex.Message} evaluating rule: {RuleText(rule)}"));
        }
        Spend(budget.Used, path, typeName);
    }

    private void Spend(long cost, FieldPath path, string typeName)
    {
        try
        {
            objectBudget.Charge(cost);
        }
        catch (CelCostExceededException)
        {
            errors.Add(FieldError.Invalid(path.ToString(), typeName, "validation failed due to running out of cost budget, no further validation rules will be run"));
            stopped = true;
        }
    }

    private static FieldError Failure(ValidationRule rule, FieldPath path, string typeName, object? self, CelBudget budget)
    {
        var detail = MessageFromExpression(rule, self, budget) ?? (rule.Message is { Length: > 0 } message ? message.Trim() : $"failed rule: {RuleText(rule)}");
        var at = rule.FieldPath is { Length: > 0 } fieldPath ? ValidationFieldPath.Append(path, fieldPath) : path;
        return rule.Reason switch
        {
            "FieldValueForbidden" => FieldError.Forbidden(at.ToString(), detail),
            "FieldValueRequired" => FieldError.Required(at.ToString(), detail),
            "FieldValueDuplicate" => FieldError.Duplicate(at.ToString(), JsonValue.Create(typeName)) with { Detail = detail },
            _ => FieldError.Invalid(at.ToString(), typeName, detail),
        };
    }

    // A message expression that fails, or gives an empty or multi-line string, falls back to the message.
    private static string? MessageFromExpression(ValidationRule rule, object? self, CelBudget budget)
    {
        if (rule.MessageProgram is not { } messageProgram)
        {
            return null;
        }
        try
        {
            return messageProgram.Evaluate(self, false, null, budget) is string { Length: > 0 and <= 5000 } text && !text.Contains('\n') && text.Trim().Length > 0
                ? text
                : null;
        }
        catch (CelEvaluationException)
        {
            return null;
        }
    }

    private static string RuleText(ValidationRule rule) => rule.Message is { Length: > 0 } message ? message.Trim() : rule.Rule.Trim();
}
