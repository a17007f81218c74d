using Kubemate.Model.Collections;
using Kubemate.Model.Validation;

namespace Kubemate.Model.References;

/// <summary>A Kubernetes label selector: every label in <see cref="MatchLabels"/> and every expression must hold (empty selects all).</summary>
public sealed record LabelSelector : IValidatable
{
    public ValueMap MatchLabels { get; init; } = ValueMap.Empty;

    public ValueList<LabelRequirement> MatchExpressions { get; init; } = [];

    public static LabelSelector Labels(params (string Key, string Value)[] labels) => new() { MatchLabels = ValueMap.Of(labels) };

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        foreach (var (key, value) in MatchLabels)
        {
            var keyPath = FieldPath.Key(FieldPath.Child(path, "matchLabels"), key);
            foreach (var problem in NameChecks.LabelKey(key, keyPath).Concat(NameChecks.LabelValue(value, keyPath)))
            {
                yield return problem;
            }
        }
        for (var i = 0; i < MatchExpressions.Count; i++)
        {
            foreach (var problem in MatchExpressions[i].Validate(FieldPath.Index(FieldPath.Child(path, "matchExpressions"), i)))
            {
                yield return problem;
            }
        }
    }
}

/// <summary>One selector expression: <c>key In (a, b)</c>, <c>key NotIn (…)</c>, <c>key Exists</c>, <c>key DoesNotExist</c>.</summary>
public sealed record LabelRequirement : IValidatable
{
    public static readonly IReadOnlySet<string> Operators = new HashSet<string>(StringComparer.Ordinal) { "In", "NotIn", "Exists", "DoesNotExist" };

    public required string Key { get; init; }

    public required string Operator { get; init; }

    public ValueList<string> Values { get; init; } = [];

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        foreach (var problem in NameChecks.LabelKey(Key, FieldPath.Child(path, "key")))
        {
            yield return problem;
        }
        if (!Operators.Contains(Operator))
        {
            yield return new(FieldPath.Child(path, "operator"), $"'{Operator}' is not one of In, NotIn, Exists, DoesNotExist");
        }
        else if (Operator is "In" or "NotIn" && Values.Count == 0)
        {
            yield return new(FieldPath.Child(path, "values"), $"operator {Operator} needs at least one value");
        }
        else if (Operator is "Exists" or "DoesNotExist" && Values.Count > 0)
        {
            yield return new(FieldPath.Child(path, "values"), $"operator {Operator} takes no values");
        }
    }
}
