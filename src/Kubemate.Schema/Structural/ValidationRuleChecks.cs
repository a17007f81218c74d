namespace Kubemate.Schema.Structural;

/// <summary>
/// What the apiserver checks of <c>x-kubernetes-validations</c> when a CRD is written: every rule and message
/// expression compiles, reasons are known, messages are one line, and transition rules (<c>oldSelf</c>) sit only where
/// an old value can be found (not below an atomic list).
/// </summary>
internal static class ValidationRuleChecks
{
    private static readonly string[] Reasons = ["FieldValueInvalid", "FieldValueForbidden", "FieldValueRequired", "FieldValueDuplicate"];

    public static void Check(StructuralSchema schema, FieldPath path, List<FieldError> errors) => Check(schema, path, null, errors);

    private static void Check(StructuralSchema schema, FieldPath path, FieldPath? uncorrelatableBelow, List<FieldError> errors)
    {
        for (var i = 0; i < schema.XValidations.Count; i++)
        {
            CheckRule(schema.XValidations[i], path.Child("x-kubernetes-validations").Index(i), uncorrelatableBelow, errors);
        }
        foreach (var (name, property) in schema.Properties)
        {
            Check(property, path.Child("properties").Key(name), uncorrelatableBelow, errors);
        }
        if (schema.AdditionalProperties is { } additional)
        {
            Check(additional, path.Child("additionalProperties"), uncorrelatableBelow, errors);
        }
        if (schema.Items is { } items)
        {
            var correlatable = schema.XListType is "map" or "set";
            Check(items, path.Child("items"), uncorrelatableBelow ?? (correlatable ? null : path), errors);
        }
    }

    private static void CheckRule(ValidationRule rule, FieldPath path, FieldPath? uncorrelatableBelow, List<FieldError> errors)
    {
        if (rule.CompileError is { } error)
        {
            errors.Add(FieldError.Invalid(path.Child("rule").ToString(), rule.Rule, error));
        }
        if (rule.MessageExpressionError is { } messageError)
        {
            errors.Add(FieldError.Invalid(path.Child("messageExpression").ToString(), rule.MessageExpression!, "messageExpression " + messageError));
        }
        if (rule.Message is { } message && (message.Contains('\n') || message.Contains('\r')))
        {
            errors.Add(FieldError.Invalid(path.Child("message").ToString(), message, "message must not contain line breaks"));
        }
        if (rule.Reason is { } reason && !Reasons.Contains(reason))
        {
            errors.Add(FieldError.NotSupported(path.Child("reason").ToString(), System.Text.Json.Nodes.JsonValue.Create(reason), Reasons));
        }
        if (rule.FieldPath is { } fieldPath && !ValidationFieldPath.TryParse(fieldPath, out _))
        {
            errors.Add(FieldError.Invalid(path.Child("fieldPath").ToString(), fieldPath, "fieldPath must be a valid path"));
        }
        if (rule.IsTransitionRule && uncorrelatableBelow is not null)
        {
            errors.Add(FieldError.Forbidden(path.Child("rule").ToString(),
                $"oldSelf cannot be used on the uncorrelatable portion of the schema within {uncorrelatableBelow}"));
        }
        if (rule.OptionalOldSelf && !rule.IsTransitionRule && rule.Program is not null)
        {
            errors.Add(FieldError.Invalid(path.Child("optionalOldSelf").ToString(), "true", "may not be set if oldSelf is not used in rule"));
        }
    }
}
