using System.Globalization;
using System.Text.RegularExpressions;

namespace Kubemate.Sandbox.Simulation.Injection;

/// <summary>Durations in Go's <c>time.ParseDuration</c> syntax (<c>300ms</c>, <c>1m30s</c>, <c>1.5h</c>), which mesh annotations use.</summary>
internal static partial class GoDuration
{
    [GeneratedRegex(@"(?<number>\d+(\.\d*)?|\.\d+)(?<unit>ns|us|µs|μs|ms|s|m|h)")]
    private static partial Regex Component();

    public static bool TryParse(string text, out TimeSpan duration)
    {
        var parsed = TryParseSeconds(text, out var seconds);
        duration = parsed ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
        return parsed;
    }

    /// <summary>The duration in seconds, unrounded (a <see cref="TimeSpan"/> would cut it to 100 ns ticks).</summary>
    public static bool TryParseSeconds(string text, out double seconds)
    {
        seconds = 0;
        var value = text.Trim();
        var negative = value.StartsWith('-');
        if (negative || value.StartsWith('+'))
        {
            value = value[1..];
        }
        if (value == "0")
        {
            return true;
        }
        var position = 0;
        var total = 0.0;
        foreach (Match match in Component().Matches(value))
        {
            if (match.Index != position)
            {
                return false;
            }
            position += match.Length;
            var number = double.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
            total += number * match.Groups["unit"].Value switch
            {
                "ns" => 1e-9,
                "us" or "µs" or "μs" => 1e-6,
                "ms" => 1e-3,
                "s" => 1,
                "m" => 60,
                _ => 3600,
            };
        }
        if (position == 0 || position != value.Length)
        {
            return false;
        }
        seconds = negative ? -total : total;
        return true;
    }
}
