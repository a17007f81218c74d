using System.CommandLine;
using System.Globalization;
using Kubemate.Model.Validation;

namespace Kubemate.Modeling.Families;

/// <summary>Reads a family's flags from a parse result, collecting a problem (named by the flag) for every bad or missing value.</summary>
public sealed class FlagReader(ParseResult result)
{
    private readonly HashSet<string> _consumed = new(StringComparer.Ordinal);

    public List<ValidationProblem> Problems { get; } = [];

    /// <summary>Marks an unmatched token as handled by the command, so it is not reported as unexpected.</summary>
    public void Consume(string token) => _consumed.Add(token);

    public bool IsGiven(Option option) => result.GetResult(option) is not null;

    /// <summary>The flag's text; a problem when it is given without a value, or missing while required.</summary>
    public string? Text(Option<string?> option, bool required = false, string? fallback = null)
    {
        var value = result.GetValue(option);
        if (IsGiven(option) && string.IsNullOrEmpty(value))
        {
            Problems.Add(new(option.Name, "needs a value"));
            return null;
        }
        if (value is null && required)
        {
            Problems.Add(new(option.Name, "is required"));
        }
        return value ?? fallback;
    }

    public IReadOnlyList<string> List(Option<string[]> option, bool required = false)
    {
        var values = result.GetValue(option) ?? [];
        if (required && values.Length == 0)
        {
            Problems.Add(new(option.Name, IsGiven(option) ? "needs a value" : "is required"));
        }
        return values;
    }

    public bool Switch(Option<bool> option) => result.GetValue(option);

    public int? Integer(Option<string?> option, int min, int max, bool required = false, int? fallback = null)
    {
        var text = Text(option, required);
        if (text is null)
        {
            return fallback;
        }
        return ParseInteger(text, option.Name, min, max);
    }

    public double? Number(Option<string?> option, double? fallback = null)
    {
        var text = Text(option);
        if (text is null)
        {
            return fallback;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }
        Problems.Add(new(option.Name, $"'{text}' is not a number"));
        return fallback;
    }

    /// <summary>The value if it is one of <paramref name="allowed"/> (case-insensitive), as written there.</summary>
    public string? OneOf(Option<string?> option, IReadOnlyList<string> allowed, string? fallback = null)
    {
        var text = Text(option);
        if (text is null)
        {
            return fallback;
        }
        var match = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            Problems.Add(new(option.Name, $"'{text}' is not one of {string.Join(", ", allowed)}"));
        }
        return match ?? fallback;
    }

    /// <summary>Every <c>KEY=VALUE</c> entry of a repeatable flag (or of comma-separated lists in one value), with its path (<c>--backend[1]</c>).</summary>
    public IReadOnlyList<FlagPair> Pairs(Option<string[]> option, string shape, bool required = false)
    {
        var pairs = new List<FlagPair>();
        var entries = List(option, required).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            var equals = entries[i].IndexOf('=');
            if (equals <= 0)
            {
                Problems.Add(new(FieldPath.Index(option.Name, i), $"'{entries[i]}' is not {shape}"));
                continue;
            }
            pairs.Add(new(entries[i][..equals], entries[i][(equals + 1)..], FieldPath.Index(option.Name, i)));
        }
        return pairs;
    }

    public int? ParseInteger(string text, string path, int min, int max)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Problems.Add(new(path, $"'{text}' is not a whole number"));
            return null;
        }
        if (value < min || value > max)
        {
            Problems.Add(new(path, $"{value} is out of range ({min}-{max})"));
            return null;
        }
        return value;
    }

    /// <summary>Tokens the command line did not match: unknown flags and stray values.</summary>
    public void RejectUnmatched()
    {
        foreach (var token in result.UnmatchedTokens.Where(t => !_consumed.Contains(t)))
        {
            Problems.Add(new(token, token.StartsWith('-') ? "unknown flag" : "unexpected argument"));
        }
    }
}

/// <summary>One <c>KEY=VALUE</c> entry of a flag and where it was given.</summary>
public sealed record FlagPair(string Key, string Value, string Path);
