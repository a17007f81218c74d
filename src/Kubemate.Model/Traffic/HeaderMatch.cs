using System.Text.RegularExpressions;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Traffic;

public enum HeaderMatchType
{
    Exact,
    RegularExpression,
}

/// <summary>A request header that must have a value (exactly, or matching a regular expression).</summary>
public sealed partial record HeaderMatch : IValidatable
{
    public required string Name { get; init; }

    public required string Value { get; init; }

    public HeaderMatchType Type { get; init; } = HeaderMatchType.Exact;

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        if (string.IsNullOrEmpty(Name) || !HeaderNamePattern().IsMatch(Name))
        {
            yield return new(FieldPath.Child(path, "name"), $"'{Name}' is not an HTTP header name");
        }
        if (Type == HeaderMatchType.RegularExpression && !IsRegex(Value))
        {
            yield return new(FieldPath.Child(path, "value"), $"'{Value}' is not a regular expression");
        }
    }

    private static bool IsRegex(string value)
    {
        try
        {
            _ = new Regex(value, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")]
    private static partial Regex HeaderNamePattern();
}
