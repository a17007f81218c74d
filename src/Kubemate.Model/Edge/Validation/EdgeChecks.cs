using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Validation;

/// <summary>Field checks shared by the edge model types; each returns the problems of one field (none when it is fine).</summary>
public static class EdgeChecks
{
    public static IEnumerable<ValidationProblem> ObjectName(string path, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            yield return new(path, "is required");
        }
        else if (!EdgeSyntax.IsDnsSubdomain(value))
        {
            yield return new(path, $"\"{value}\" is not a valid name (lower-case letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters)");
        }
    }

    public static IEnumerable<ValidationProblem> LabelName(string path, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            yield return new(path, "is required");
        }
        else if (!EdgeSyntax.IsDnsLabel(value))
        {
            yield return new(path, $"\"{value}\" is not a valid DNS label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)");
        }
    }

    public static IEnumerable<ValidationProblem> OptionalNamespace(string path, string? value) =>
        value is null ? [] : LabelName(path, value);

    public static IEnumerable<ValidationProblem> HostName(string path, string? value, bool allowWildcard = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            yield return new(path, "is required");
        }
        else if (!EdgeSyntax.IsHostName(value, allowWildcard))
        {
            yield return new(path, $"\"{value}\" is not a valid DNS name{(allowWildcard ? " (a leading \"*.\" is allowed)" : "")}");
        }
    }

    public static IEnumerable<ValidationProblem> Port(string path, long value)
    {
        if (!EdgeSyntax.IsPortNumber(value))
        {
            yield return new(path, $"port {value} is out of range (1 to 65535)");
        }
    }

    public static IEnumerable<ValidationProblem> Cidr(string path, string? value)
    {
        if (!EdgeSyntax.TryParseCidr(value, out var reason))
        {
            yield return new(path, reason);
        }
    }

    public static IEnumerable<ValidationProblem> Duration(string path, string? value)
    {
        if (value is not null && !EdgeSyntax.TryParseGoDuration(value, out _))
        {
            yield return new(path, $"\"{value}\" is not a duration (examples: 30s, 5m, 2160h)");
        }
    }

    public static IEnumerable<ValidationProblem> Quantity(string path, string? value)
    {
        if (value is not null && !EdgeSyntax.IsQuantity(value))
        {
            yield return new(path, $"\"{value}\" is not a resource quantity (examples: 250m, 1, 512Mi)");
        }
    }

    public static IEnumerable<ValidationProblem> Labels(string path, IReadOnlyDictionary<string, string>? labels)
    {
        if (labels is null)
        {
            yield break;
        }
        foreach (var (key, value) in labels)
        {
            if (!EdgeSyntax.IsQualifiedName(key))
            {
                yield return new(FieldPath.Key(path, key), "is not a valid label key");
            }
            if (!EdgeSyntax.IsLabelValue(value))
            {
                yield return new(FieldPath.Key(path, key), $"\"{value}\" is not a valid label value (at most 63 characters: letters, digits, '-', '_' and '.')");
            }
        }
    }

    public static IEnumerable<ValidationProblem> Percent(string path, int value)
    {
        if (value is < 0 or > 100)
        {
            yield return new(path, $"{value}% is not a percentage (0 to 100)");
        }
    }

    /// <summary>Reports each value seen before, at the index of its repetition.</summary>
    public static IEnumerable<ValidationProblem> Unique<T>(string path, IEnumerable<T> values, Func<T, string> describe, IEqualityComparer<T>? comparer = null)
    {
        var seen = new HashSet<T>(comparer ?? EqualityComparer<T>.Default);
        var index = 0;
        foreach (var value in values)
        {
            if (!seen.Add(value))
            {
                yield return new(FieldPath.Index(path, index), $"duplicate {describe(value)}");
            }
            index++;
        }
    }

    public static IEnumerable<ValidationProblem> Each<T>(string path, IReadOnlyList<T>? items)
        where T : IValidatable
    {
        if (items is null)
        {
            yield break;
        }
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var problem in items[i].Validate(FieldPath.Index(path, i)))
            {
                yield return problem;
            }
        }
    }
}
