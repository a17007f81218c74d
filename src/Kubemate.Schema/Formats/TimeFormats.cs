using System.Globalization;
using System.Text.RegularExpressions;

namespace Kubemate.Schema.Formats;

/// <summary>Checks for <c>date</c>, <c>date-time</c> and <c>duration</c> as the apiserver parses them.</summary>
internal static partial class TimeFormats
{
    private static readonly string[][] DurationUnitVariants =
    [
        ["ns", "nano"],
        ["us", "µs", "micro"],
        ["ms", "milli"],
        ["s", "sec"],
        ["m", "min"],
        ["h", "hr", "hour"],
        ["d", "day"],
        ["w", "wk", "week"],
    ];

    /// <summary>An RFC 3339 full-date, <c>2006-01-02</c>, that exists in the calendar.</summary>
    public static bool IsDate(string value) =>
        DateTime.TryParseExact(value, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>
    /// A date, <c>T</c> (either case), and a time <c>hh:mm:ss</c> with optional fraction and a <c>Z</c> or
    /// <c>±hh:mm</c> offset.
    /// </summary>
    public static bool IsDateTime(string value)
    {
        if (value.Length < 4)
        {
            return false;
        }
        var parts = value.ToLowerInvariant().Split('t');
        if (parts.Length < 2 || !IsDate(parts[0]))
        {
            return false;
        }
        var match = TimeOfDayRegex().Match(parts[1]);
        return match.Success
            && string.CompareOrdinal(match.Groups[1].Value, "23") <= 0
            && string.CompareOrdinal(match.Groups[2].Value, "59") <= 0
            && string.CompareOrdinal(match.Groups[3].Value, "59") <= 0;
    }

    /// <summary>A Go duration (<c>1h30m</c>, <c>-1.5s</c>) or the long form with spaces and words (<c>3 days</c>).</summary>
    public static bool IsDuration(string value) => IsGoDuration(value) || IsLongDuration(value);

    private static bool IsGoDuration(string value)
    {
        var rest = value;
        if (rest.Length > 0 && rest[0] is '-' or '+')
        {
            rest = rest[1..];
        }
        if (rest == "0")
        {
            return true;
        }
        if (rest.Length == 0)
        {
            return false;
        }
        while (rest.Length > 0)
        {
            var i = 0;
            var integerDigits = 0;
            while (i < rest.Length && char.IsAsciiDigit(rest[i]))
            {
                i++;
                integerDigits++;
            }
            var fractionDigits = 0;
            if (i < rest.Length && rest[i] == '.')
            {
                i++;
                while (i < rest.Length && char.IsAsciiDigit(rest[i]))
                {
                    i++;
                    fractionDigits++;
                }
            }
            if (integerDigits + fractionDigits == 0)
            {
                return false;
            }
            var unitStart = i;
            while (i < rest.Length && rest[i] != '.' && !char.IsAsciiDigit(rest[i]))
            {
                i++;
            }
            if (rest[unitStart..i] is not ("ns" or "us" or "µs" or "μs" or "ms" or "s" or "m" or "h"))
            {
                return false;
            }
            rest = rest[i..];
        }
        return true;
    }

    private static bool IsLongDuration(string value)
    {
        if (!LongDurationRegex().IsMatch(value))
        {
            return false;
        }
        foreach (Match match in LongDurationPartRegex().Matches(value))
        {
            var unit = match.Groups[1].Value.Trim().ToLowerInvariant();
            foreach (var variants in DurationUnitVariants)
            {
                for (var i = 0; i < variants.Length; i++)
                {
                    var isLast = i == variants.Length - 1;
                    if ((isLast && unit.StartsWith(variants[i], StringComparison.Ordinal)) || string.Equals(unit, variants[i], StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    [GeneratedRegex("^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))\\z")]
    private static partial Regex TimeOfDayRegex();

    [GeneratedRegex("^\\s*(?:[0-9]+\\s*[A-Za-zµ]+\\s*)+\\z")]
    private static partial Regex LongDurationRegex();

    [GeneratedRegex("[0-9]+\\s*([A-Za-zµ]+)")]
    private static partial Regex LongDurationPartRegex();
}
