namespace Kubemate.ApiMachinery.Validation;

/// <summary>Joins field violations into the messages the apiserver returns with a 422 Invalid status.</summary>
public static class ValidationMessages
{
    /// <summary>
    /// One violation's message alone, several as <c>[first, second]</c>; repeated messages are dropped,
    /// as apimachinery's <c>ErrorList.ToAggregate</c> does.
    /// </summary>
    public static string Aggregate(IEnumerable<FieldViolation> violations)
    {
        var messages = violations.Select(v => v.Message).Distinct(StringComparer.Ordinal).ToList();
        return messages.Count switch
        {
            0 => "",
            1 => messages[0],
            _ => "[" + string.Join(", ", messages) + "]",
        };
    }

    /// <summary>
    /// The Status message of an invalid object: <c>Deployment.apps "web" is invalid: spec.replicas: …</c>
    /// (the kind is qualified by its group unless it is in the core group).
    /// </summary>
    public static string InvalidObject(string kind, string? group, string name, IEnumerable<FieldViolation> violations)
    {
        var qualifiedKind = string.IsNullOrEmpty(group) ? kind : kind + "." + group;
        return $"{qualifiedKind} {GoQuote.Quote(name)} is invalid: {Aggregate(violations)}";
    }
}
