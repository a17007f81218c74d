using System.Globalization;
using System.Text.RegularExpressions;

namespace Kubemate.Sandbox.Simulation.Injection;

/// <summary>
/// Kubernetes resource quantities (<c>500m</c>, <c>0.5</c>, <c>64Mi</c>) parsed and written back in the canonical
/// form the API server stores, so an annotation such as <c>proxy-cpu-request: "0.5"</c> becomes <c>cpu: 500m</c>.
/// </summary>
internal static partial class ResourceQuantity
{
    private static readonly (string Suffix, int Power)[] BinarySuffixes = [("Ki", 1), ("Mi", 2), ("Gi", 3), ("Ti", 4), ("Pi", 5), ("Ei", 6)];

    private static readonly (string Suffix, int Exponent)[] DecimalSuffixes =
        [("n", -9), ("u", -6), ("m", -3), ("", 0), ("k", 3), ("M", 6), ("G", 9), ("T", 12), ("P", 15), ("E", 18)];

    [GeneratedRegex(@"^(?<number>[+-]?(\d+(\.\d*)?|\.\d+))(?<suffix>Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?\d+|n|u|m|k|M|G|T|P|E)?$")]
    private static partial Regex QuantityPattern();

    /// <summary>The canonical form of <paramref name="text"/>, or null when it is not a quantity.</summary>
    public static string? Canonicalize(string text)
    {
        if (!TryParse(text, out var value, out var binary))
        {
            return null;
        }
        if (binary && decimal.Truncate(value) == value && Math.Abs(value) >= 1024)
        {
            return FormatBinary(value);
        }
        return FormatDecimal(value);
    }

    /// <summary>The number of whole CPU cores a CPU quantity needs, rounded up (at least 1).</summary>
    public static int? WholeCores(string text)
    {
        if (!TryParse(text, out var value, out _) || value <= 0)
        {
            return null;
        }
        return (int)Math.Max(1, Math.Ceiling(value));
    }

    private static bool TryParse(string text, out decimal value, out bool binary)
    {
        value = 0;
        binary = false;
        var match = QuantityPattern().Match(text.Trim());
        if (!match.Success || !decimal.TryParse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }
        var suffix = match.Groups["suffix"].Value;
        try
        {
            var binaryPower = Array.FindIndex(BinarySuffixes, s => s.Suffix == suffix);
            if (binaryPower >= 0)
            {
                binary = true;
                value = number * Pow(1024, BinarySuffixes[binaryPower].Power);
            }
            else if (suffix.Length > 1 && (suffix[0] == 'e' || suffix[0] == 'E'))
            {
                value = number * Pow10(int.Parse(suffix[1..], CultureInfo.InvariantCulture));
            }
            else
            {
                value = number * Pow10(DecimalSuffixes.First(s => s.Suffix == suffix).Exponent);
            }
        }
        catch (Exception ex) when (ex is OverflowException or FormatException)
        {
            return false;
        }
        return true;
    }

    private static string FormatBinary(decimal value)
    {
        var power = 0;
        while (power < BinarySuffixes.Length && value % 1024 == 0 && Math.Abs(value) >= 1024)
        {
            value /= 1024;
            power++;
        }
        var suffix = power == 0 ? "" : BinarySuffixes[power - 1].Suffix;
        return value.ToString("0", CultureInfo.InvariantCulture) + suffix;
    }

    private static string FormatDecimal(decimal value)
    {
        // Kubernetes keeps nano precision at most and rounds anything finer up.
        var nanos = decimal.Ceiling(value * 1_000_000_000m);
        var exponent = -9;
        while (exponent < 18 && nanos != 0 && nanos % 1000 == 0)
        {
            nanos /= 1000;
            exponent += 3;
        }
        if (nanos == 0)
        {
            return "0";
        }
        var suffix = DecimalSuffixes.First(s => s.Exponent == exponent).Suffix;
        return nanos.ToString("0", CultureInfo.InvariantCulture) + suffix;
    }

    private static decimal Pow(decimal baseValue, int power)
    {
        var result = 1m;
        for (var i = 0; i < power; i++)
        {
            result *= baseValue;
        }
        return result;
    }

    private static decimal Pow10(int exponent) => exponent >= 0 ? Pow(10, exponent) : 1m / Pow(10, -exponent);
}
