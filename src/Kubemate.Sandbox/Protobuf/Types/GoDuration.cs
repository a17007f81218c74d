using System.Globalization;
using System.Text;

namespace Kubemate.Sandbox.Protobuf.Types;

/// <summary>Formats nanoseconds the way Go's <c>time.Duration.String</c> does ("1h0m0s", "1.5s", "300ms"), which is how metav1.Duration appears in JSON.</summary>
public static class GoDuration
{
    private const ulong Microsecond = 1_000;
    private const ulong Millisecond = 1_000_000;
    private const ulong Second = 1_000_000_000;

    public static string Format(long nanoseconds)
    {
        if (nanoseconds == 0)
        {
            return "0s";
        }
        var sign = nanoseconds < 0 ? "-" : "";
        var magnitude = nanoseconds < 0 ? unchecked((ulong)-(nanoseconds + 1)) + 1 : (ulong)nanoseconds;
        if (magnitude < Second)
        {
            return magnitude switch
            {
                < Microsecond => $"{sign}{magnitude}ns",
                < Millisecond => $"{sign}{Fraction(magnitude, Microsecond)}µs",
                _ => $"{sign}{Fraction(magnitude, Millisecond)}ms",
            };
        }
        var text = new StringBuilder(sign);
        var totalSeconds = magnitude / Second;
        var hours = totalSeconds / 3600;
        var minutes = totalSeconds / 60 % 60;
        if (hours > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{hours}h");
        }
        if (hours > 0 || minutes > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{minutes}m");
        }
        text.Append(Fraction(magnitude % (60 * Second), Second)).Append('s');
        return text.ToString();
    }

    /// <summary>value / unit with the remainder as decimals, trailing zeros dropped.</summary>
    private static string Fraction(ulong value, ulong unit)
    {
        var whole = (value / unit).ToString(CultureInfo.InvariantCulture);
        var rest = value % unit;
        if (rest == 0)
        {
            return whole;
        }
        var digits = unit.ToString(CultureInfo.InvariantCulture).Length - 1;
        var decimals = rest.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
        return $"{whole}.{decimals}";
    }
}
