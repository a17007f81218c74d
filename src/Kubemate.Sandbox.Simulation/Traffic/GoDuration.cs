using System.Globalization;
using System.Text.RegularExpressions;

namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>Durations as Linkerd's annotations and the fault command write them: <c>2s</c>, <c>500ms</c>, <c>1m30s</c>, <c>1.5s</c>.</summary>
public static partial class GoDuration
{
    /// <summary>The duration in milliseconds, or null when <paramref name="text"/> is not a positive duration.</summary>
    public static double? TryParseMs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var matches = Part().Matches(text.Trim());
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)) != text.Trim())
        {
            return null;
        }
        double total = 0;
        foreach (Match match in matches)
        {
            var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            total += value * match.Groups[2].Value switch
            {
                "h" => 3_600_000,
                "m" => 60_000,
                "s" => 1000,
                "ms" => 1,
                "us" or "µs" => 0.001,
                _ => 0.000_001,
            };
        }
        return total > 0 ? total : null;
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)")]
    private static partial Regex Part();
}
