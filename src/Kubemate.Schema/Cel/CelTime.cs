using System.Globalization;

namespace Kubemate.Schema.Cel;

/// <summary>Go's duration syntax (<c>1h30m</c>, <c>1.5s</c>, <c>-2ms</c>) and RFC 3339 timestamps, as CEL's <c>duration()</c> and <c>timestamp()</c> read them.</summary>
internal static class CelTime
{
    private static readonly (string Unit, decimal Ticks)[] Units =
    [
        ("ns", 0.01m), ("us", 10m), ("µs", 10m), ("μs", 10m), ("ms", TimeSpan.TicksPerMillisecond), ("s", TimeSpan.TicksPerSecond),
        ("m", TimeSpan.TicksPerMinute), ("h", TimeSpan.TicksPerHour),
    ];

    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var i = 0;
        var negative = false;
        if (i < text.Length && text[i] is '+' or '-')
        {
            negative = text[i] == '-';
            i++;
        }
        if (text[i..] == "0")
        {
            return true;
        }
        if (i >= text.Length)
        {
            return false;
        }
        decimal ticks = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }
            if (i == start || i - start > 30 || !decimal.TryParse(text[start..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }
            var unitStart = i;
            while (i < text.Length && !char.IsAsciiDigit(text[i]) && text[i] != '.')
            {
                i++;
            }
            var unit = Units.FirstOrDefault(candidate => candidate.Unit == text[unitStart..i]);
            if (unit.Unit is null)
            {
                return false;
            }
            try
            {
                ticks += amount * unit.Ticks;
            }
            catch (OverflowException)
            {
                return false;
            }
        }
        // CEL durations span about ±10,000 years, as protobuf's Duration does.
        if (ticks > 315576000000L * TimeSpan.TicksPerSecond)
        {
            return false;
        }
        duration = TimeSpan.FromTicks((long)decimal.Truncate(negative ? -ticks : ticks));
        return true;
    }

    public static bool TryParseTimestamp(string text, out DateTimeOffset timestamp) =>
        DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"],
            CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out timestamp);

    public static string FormatDuration(TimeSpan duration)
    {
        var seconds = (decimal)duration.Ticks / TimeSpan.TicksPerSecond;
        return seconds.ToString("0.#########", CultureInfo.InvariantCulture) + "s";
    }
}
