using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Kubemate.Schema.Validation;

namespace Kubemate.Schema.Cel;

/// <summary>
/// RE2 patterns for <c>matches</c>, <c>find</c> and <c>findAll</c>, run by .NET's non-backtracking engine so that
/// matching takes linear time as in RE2; constructs RE2 lacks (backreferences, lookaround) are invalid.
/// </summary>
internal static class CelRegex
{
    private const int MaxCached = 512;
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    public static Regex Get(string pattern)
    {
        if (Cache.TryGetValue(pattern, out var cached))
        {
            return cached;
        }
        var regex = Compile(pattern, out var error) ?? throw new CelEvaluationException($"invalid regex: {error}");
        if (Cache.Count < MaxCached)
        {
            Cache.TryAdd(pattern, regex);
        }
        return regex;
    }

    /// <summary>Compiles a pattern, or returns null with the reason.</summary>
    public static Regex? Compile(string pattern, out string? error)
    {
        try
        {
            error = null;
            return new Regex(GoRegex.Translate(pattern), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, GoRegex.MatchTimeout);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            error = ex.Message;
            return null;
        }
    }

    public static bool IsMatch(string input, string pattern, CelBudget budget)
    {
        budget.Charge(1 + ((long)input.Length * (1 + (pattern.Length / 10)) / 10));
        try
        {
            return Get(pattern).IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new CelEvaluationException("regex match timed out");
        }
    }
}
