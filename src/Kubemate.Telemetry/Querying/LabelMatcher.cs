using System.Text.RegularExpressions;

namespace Kubemate.Telemetry.Querying;

public enum MatchOperator
{
    Equal,
    NotEqual,
    Regex,
    NotRegex,
}

/// <summary>One PromQL label matcher; regular expressions are anchored, as in Prometheus.</summary>
public sealed record LabelMatcher(string Name, MatchOperator Operator, string Value)
{
    private Regex? regex;

    public static LabelMatcher Is(string name, string value) => new(name, MatchOperator.Equal, value);

    public static LabelMatcher IsNot(string name, string value) => new(name, MatchOperator.NotEqual, value);

    /// <summary>Matches any of the values exactly (escaped into one anchored alternation).</summary>
    public static LabelMatcher OneOf(string name, IEnumerable<string> values) =>
        new(name, MatchOperator.Regex, string.Join("|", values.Select(Regex.Escape)));

    public bool Matches(LabelSet labels)
    {
        var actual = labels[Name];
        return Operator switch
        {
            MatchOperator.Equal => actual == Value,
            MatchOperator.NotEqual => actual != Value,
            MatchOperator.Regex => Pattern().IsMatch(actual),
            _ => !Pattern().IsMatch(actual),
        };
    }

    private Regex Pattern() => regex ??= new Regex("^(?:" + Value + ")$", RegexOptions.CultureInvariant);
}
