using System.Globalization;
using System.Numerics;

namespace Kubemate.Sandbox.Admission.BuiltIn;

/// <summary>How a quantity was written, which decides how it is printed back (apimachinery's resource.Format).</summary>
internal enum QuantityFormat
{
    DecimalSI,
    BinarySI,
    DecimalExponent,
}

/// <summary>
/// A resource quantity (<c>500m</c>, <c>1.5Gi</c>, <c>1e3</c>) as apimachinery parses, compares and prints it: the exact
/// value <c>Mantissa × 10^Scale</c>, rounded up (away from zero) to nano units when parsed.
/// </summary>
internal readonly record struct ResourceQuantity(BigInteger Mantissa, int Scale, QuantityFormat Format) : IComparable<ResourceQuantity>
{
    /// <summary>The parser's own error, which the apiserver returns as is when decoding a body fails.</summary>
    public const string FormatError = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    public const string NumericError = "unable to parse numeric part of quantity";

    public const string SuffixError = "unable to parse quantity's suffix";

    private const string SuffixCharacters = "eEinumkKMGTP";
    private const int NanoScale = -9;

    private static readonly Dictionary<string, int> DecimalSuffixes = new(StringComparer.Ordinal)
    {
        ["n"] = -9, ["u"] = -6, ["m"] = -3, [""] = 0, ["k"] = 3, ["M"] = 6, ["G"] = 9, ["T"] = 12, ["P"] = 15, ["E"] = 18,
    };

    private static readonly string[] BinarySuffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    public bool IsZero => Mantissa.IsZero;

    public int Sign => Mantissa.Sign;

    /// <summary>Parses as <c>resource.ParseQuantity</c>; on failure <paramref name="error"/> is its message.</summary>
    public static bool TryParse(string text, out ResourceQuantity quantity, out string error)
    {
        quantity = default;
        text = text.Trim();
        if (!TrySplit(text, out var negative, out var whole, out var fraction, out var suffix, out error))
        {
            return false;
        }
        if (whole.Length + fraction.Length == 0)
        {
            error = NumericError;
            return false;
        }
        var digits = BigInteger.Parse("0" + whole + fraction, CultureInfo.InvariantCulture);
        if (negative)
        {
            digits = -digits;
        }
        if (BinarySuffixes.IndexOf(suffix) is var binary and > 0)
        {
            quantity = new ResourceQuantity(digits * BigInteger.Pow(1024, binary), -fraction.Length, QuantityFormat.BinarySI).RoundUp(NanoScale);
            return true;
        }
        if (DecimalSuffixes.TryGetValue(suffix, out var exponent))
        {
            quantity = new ResourceQuantity(digits, exponent - fraction.Length, QuantityFormat.DecimalSI).RoundUp(NanoScale);
            return true;
        }
        if (suffix.Length > 1 && suffix[0] is 'e' or 'E' && int.TryParse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
        {
            quantity = new ResourceQuantity(digits, exponent - fraction.Length, QuantityFormat.DecimalExponent).RoundUp(NanoScale);
            return true;
        }
        error = SuffixError;
        return false;
    }

    /// <summary>Rounds away from zero to at most <paramref name="scale"/> (−3 is milli), as <c>Quantity.RoundUp</c>.</summary>
    public ResourceQuantity RoundUp(int scale)
    {
        if (Scale >= scale)
        {
            return this;
        }
        var divisor = BigInteger.Pow(10, scale - Scale);
        var quotient = BigInteger.DivRem(Mantissa, divisor, out var remainder);
        if (!remainder.IsZero)
        {
            quotient += Mantissa.Sign;
        }
        return this with { Mantissa = quotient, Scale = scale };
    }

    public int CompareTo(ResourceQuantity other)
    {
        var scale = Math.Min(Scale, other.Scale);
        return (Mantissa * BigInteger.Pow(10, Scale - scale)).CompareTo(other.Mantissa * BigInteger.Pow(10, other.Scale - scale));
    }

    /// <summary>Whether the value is a whole number.</summary>
    public bool IsInteger => Scale >= 0 || (Mantissa % BigInteger.Pow(10, -Scale)).IsZero;

    /// <summary>The canonical form the apiserver prints (<c>Quantity.String</c>): <c>0.5</c> is <c>500m</c>, <c>1024Mi</c> is <c>1Gi</c>.</summary>
    public override string ToString()
    {
        if (IsZero)
        {
            return "0";
        }
        if (Format == QuantityFormat.BinarySI && IsInteger && WholeValue() is var value && BigInteger.Abs(value) >= 1024)
        {
            var power = 0;
            while (power < BinarySuffixes.Length - 1 && (value % 1024).IsZero)
            {
                value /= 1024;
                power++;
            }
            return value.ToString(CultureInfo.InvariantCulture) + BinarySuffixes[power];
        }
        var mantissa = Mantissa;
        var exponent = Scale;
        while ((mantissa % 10).IsZero)
        {
            mantissa /= 10;
            exponent++;
        }
        var shift = ((exponent % 3) + 3) % 3;
        mantissa *= BigInteger.Pow(10, shift);
        exponent -= shift;
        var number = mantissa.ToString(CultureInfo.InvariantCulture);
        if (exponent == 0)
        {
            return number;
        }
        if (Format != QuantityFormat.DecimalExponent && DecimalSuffixes.FirstOrDefault(s => s.Value == exponent).Key is { } suffix)
        {
            return number + suffix;
        }
        return number + "e" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    private BigInteger WholeValue() => Scale >= 0 ? Mantissa * BigInteger.Pow(10, Scale) : Mantissa / BigInteger.Pow(10, -Scale);

    /// <summary>Splits into sign, digits before and after the point, and suffix, as <c>parseQuantityString</c> does.</summary>
    private static bool TrySplit(string text, out bool negative, out string whole, out string fraction, out string suffix, out string error)
    {
        negative = false;
        whole = fraction = suffix = "";
        error = FormatError;
        if (text.Length == 0)
        {
            return false;
        }
        var pos = 0;
        if (text[0] is '+' or '-')
        {
            negative = text[0] == '-';
            pos++;
        }
        var start = pos;
        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            pos++;
        }
        whole = text[start..pos];
        if (pos < text.Length && text[pos] == '.')
        {
            start = ++pos;
            while (pos < text.Length && char.IsAsciiDigit(text[pos]))
            {
                pos++;
            }
            fraction = text[start..pos];
        }
        var suffixStart = pos;
        while (pos < text.Length && SuffixCharacters.Contains(text[pos], StringComparison.Ordinal))
        {
            pos++;
        }
        if (pos < text.Length && text[pos] is '+' or '-')
        {
            pos++;
        }
        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            pos++;
        }
        suffix = text[suffixStart..];
        return pos == text.Length;
    }
}
