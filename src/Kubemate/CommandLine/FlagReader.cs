using System.CommandLine;
using Kubemate.Model.Validation;

namespace Kubemate.CommandLine;

/// <summary>
/// A family's typed flag values from a parse result, and the problems found when flags are combined (a rule no one
/// flag can check alone, such as "give these three together"). Those problems are bad usage too.
/// </summary>
public sealed class FlagReader(ParseResult result)
{
    public List<ValidationProblem> Problems { get; } = [];

    public bool IsGiven(Option option) => result.GetResult(option) is { Implicit: false };

    public T? Value<T>(Option<T> option) => result.GetValue(option);

    /// <summary>The value, or <paramref name="fallback"/> when the flag is not given.</summary>
    public T Value<T>(Option<T?> option, T fallback) where T : struct => result.GetValue(option) ?? fallback;

    public string Text(Option<string?> option, string fallback) => result.GetValue(option) ?? fallback;

    /// <summary>A repeatable flag's entries, each already read and checked by its option (none when not given).</summary>
    public IReadOnlyList<T> List<T>(Option<T[]> option) => result.GetValue(option) ?? [];

    public bool Switch(Option<bool> option) => result.GetValue(option);

    /// <summary>A problem unless the flag is given (for flags required only in some combinations).</summary>
    public void Require(Option option, string? why = null)
    {
        if (!IsGiven(option))
        {
            Problems.Add(new(option.Name, why is null ? "is required" : $"is required {why}"));
        }
    }
}

/// <summary>One <c>KEY=VALUE</c> entry of a flag and where it was given.</summary>
public sealed record FlagPair(string Key, string Value, string Path);
