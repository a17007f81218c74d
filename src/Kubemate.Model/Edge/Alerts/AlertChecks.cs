using System.Text.RegularExpressions;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Alerts;

internal static partial class AlertChecks
{
    public static IEnumerable<ValidationProblem> Ratio(string path, double value)
    {
        if (!(value > 0 && value <= 1))
        {
            yield return new(path, $"{value} is not a ratio above 0 and at most 1 (0.05 = 5%)");
        }
    }

    public static IEnumerable<ValidationProblem> Positive(string path, double value)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            yield return new(path, $"{value} must be positive");
        }
    }

    /// <summary>Prometheus durations: units ms, s, m, h, d, w, y, in descending order.</summary>
    public static IEnumerable<ValidationProblem> PromDuration(string path, string? value)
    {
        if (value is null || !PromDurationPattern().IsMatch(value) || value.All(c => c == '0' || !char.IsDigit(c)))
        {
            yield return new(path, $"\"{value}\" is not a Prometheus duration (examples: 30s, 5m, 1h)");
        }
    }

    [GeneratedRegex("^(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?$")]
    private static partial Regex PromDurationPattern();
}
