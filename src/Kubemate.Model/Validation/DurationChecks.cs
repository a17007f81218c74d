using System.Globalization;
using System.Text.RegularExpressions;

namespace Kubemate.Model.Validation;

/// <summary>Durations as meshes write them (Go syntax): <c>300ms</c>, <c>5s</c>, <c>1m30s</c>, <c>2h</c>.</summary>
public static partial class DurationChecks
{
    public static IEnumerable<ValidationProblem> Duration(string? value, string path)
    {
        if (!TryParse(value, out var duration))
        {
            yield return new(path, $"'{value}' is not a duration (e.g. 300ms, 5s, 1m30s)");
        }
        else if (duration < TimeSpan.FromMilliseconds(1))
        {
            yield return new(path, $"'{value}' must be at least 1ms");
        }
    }

    public static IEnumerable<ValidationProblem> OptionalDuration(string? value, string path) =>
        value is null ? [] : Duration(value, path);

    public static bool TryParse(string? value, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(value) || !DurationPattern().IsMatch(value))
        {
            return false;
        }
        foreach (Match part in PartPattern().Matches(value))
        {
            var amount = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            duration += part.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromHours(amount),
            };
        }
        return true;
    }

    [GeneratedRegex(@"^(\d+(\.\d+)?(ms|s|m|h))+$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|s|m|h)")]
    private static partial Regex PartPattern();
}
