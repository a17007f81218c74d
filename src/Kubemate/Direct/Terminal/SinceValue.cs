using System.Globalization;
using System.Text.RegularExpressions;

namespace Kubemate.Direct.Terminal;

/// <summary>A <c>--since</c> value: a duration back from now (<c>90s</c>, <c>15m</c>, <c>1h30m</c>, <c>7d</c>) or an RFC 3339 time.</summary>
public static partial class SinceValue
{
    public static DateTimeOffset? TryParse(string text, DateTimeOffset now, out string? error)
    {
        error = null;
        var match = Duration().Match(text);
        if (match.Success)
        {
            var total = TimeSpan.Zero;
            foreach (Capture part in match.Groups["part"].Captures)
            {
                var amount = long.Parse(part.Value[..^1], CultureInfo.InvariantCulture);
                total += part.Value[^1] switch
                {
                    's' => TimeSpan.FromSeconds(amount),
                    'm' => TimeSpan.FromMinutes(amount),
                    'h' => TimeSpan.FromHours(amount),
                    _ => TimeSpan.FromDays(amount),
                };
            }
            return now - total;
        }
        if (text.Contains('T') && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }
        error = $"'{text}' is neither a duration (such as 30m, 1h, 7d) nor a time (such as 2026-11-25T10:00:00Z)";
        return null;
    }

    [GeneratedRegex(@"^(?<part>\d{1,6}[smhd])+$")]
    private static partial Regex Duration();
}
