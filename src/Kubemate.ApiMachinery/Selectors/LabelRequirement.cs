using System.Globalization;

namespace Kubemate.ApiMachinery.Selectors;

/// <summary>One condition of a label selector: a key, an operator and (for most operators) values.</summary>
public sealed record LabelRequirement(string Key, SelectorOperator Operator, IReadOnlyList<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            SelectorOperator.Equals or SelectorOperator.DoubleEquals or SelectorOperator.In => present && Values.Contains(value!),
            SelectorOperator.NotEquals or SelectorOperator.NotIn => !present || !Values.Contains(value!),
            SelectorOperator.Exists => present,
            SelectorOperator.DoesNotExist => !present,
            SelectorOperator.GreaterThan => present && CompareAsIntegers(value!) is > 0,
            SelectorOperator.LessThan => present && CompareAsIntegers(value!) is < 0,
            _ => false,
        };
    }

    /// <summary>The query-string form: <c>app=web</c>, <c>tier in (a,b)</c>, <c>!canary</c>.</summary>
    public override string ToString()
    {
        var values = string.Join(",", Values.Order(StringComparer.Ordinal));
        return Operator switch
        {
            SelectorOperator.Equals => $"{Key}={values}",
            SelectorOperator.DoubleEquals => $"{Key}=={values}",
            SelectorOperator.NotEquals => $"{Key}!={values}",
            SelectorOperator.In => $"{Key} in ({values})",
            SelectorOperator.NotIn => $"{Key} notin ({values})",
            SelectorOperator.GreaterThan => $"{Key}>{values}",
            SelectorOperator.LessThan => $"{Key}<{values}",
            SelectorOperator.Exists => Key,
            SelectorOperator.DoesNotExist => "!" + Key,
            _ => Key,
        };
    }

    public bool Equals(LabelRequirement? other) =>
        other is not null && Key == other.Key && Operator == other.Operator && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => HashCode.Combine(Key, Operator, Values.Count);

    /// <summary>Sign of label value minus the requirement's value; null when either is not an integer.</summary>
    private int? CompareAsIntegers(string labelValue) =>
        Values.Count == 1
        && long.TryParse(labelValue, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var actual)
        && long.TryParse(Values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var expected)
            ? actual.CompareTo(expected)
            : null;
}
