using System.Numerics;

namespace Kubemate.Schema.Cel;

/// <summary>Kubernetes' quantity library: <c>quantity("500Mi")</c>, <c>isQuantity()</c>, comparisons and arithmetic, exact as <c>resource.Quantity</c>.</summary>
internal static class CelQuantityFunctions
{
    private const int MaxExponent = 100;

    private static readonly Dictionary<string, (int Base2, int Base10)> Suffixes = new(StringComparer.Ordinal)
    {
        [""] = (0, 0), ["n"] = (0, -9), ["u"] = (0, -6), ["m"] = (0, -3), ["k"] = (0, 3), ["M"] = (0, 6), ["G"] = (0, 9),
        ["T"] = (0, 12), ["P"] = (0, 15), ["E"] = (0, 18), ["Ki"] = (10, 0), ["Mi"] = (20, 0), ["Gi"] = (30, 0),
        ["Ti"] = (40, 0), ["Pi"] = (50, 0), ["Ei"] = (60, 0),
    };

    public static object Global(string name, object? arg)
    {
        var text = CelFunctions.Text(arg, name);
        return name == "isQuantity"
            ? TryParse(text, out _)
            : TryParse(text, out var quantity) ? quantity : throw new CelEvaluationException($"quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': {text}");
    }

    public static object Invoke(string name, CelQuantity quantity, object?[] args)
    {
        switch (name, args.Length)
        {
            case ("isInteger", 0):
                return IsInteger(quantity);
            case ("asInteger", 0):
                if (!IsInteger(quantity))
                {
                    throw new CelEvaluationException("cannot convert value to integer");
                }
                var integer = quantity.Numerator / BigInteger.Pow(10, quantity.Scale);
                return integer >= long.MinValue && integer <= long.MaxValue ? (long)integer : throw new CelEvaluationException("cannot convert value to integer");
            case ("asApproximateFloat", 0):
                return (double)quantity.Numerator / Math.Pow(10, quantity.Scale);
            case ("sign", 0):
                return (long)quantity.Numerator.Sign;
            case ("add" or "sub", 1):
                var other = Operand(args[0], name);
                var scale = Math.Max(quantity.Scale, other.Scale);
                var left = quantity.Numerator * BigInteger.Pow(10, scale - quantity.Scale);
                var right = other.Numerator * BigInteger.Pow(10, scale - other.Scale);
                return new CelQuantity(name == "add" ? left + right : left - right, scale);
            case ("isGreaterThan", 1):
                return quantity.CompareTo(Operand(args[0], name)) > 0;
            case ("isLessThan", 1):
                return quantity.CompareTo(Operand(args[0], name)) < 0;
            case ("compareTo", 1):
                return (long)quantity.CompareTo(Operand(args[0], name));
            default:
                throw CelEquality.NoOverload(name, [quantity, .. args]);
        }
    }

    public static bool TryParse(string text, out CelQuantity quantity)
    {
        quantity = new CelQuantity(BigInteger.Zero, 0);
        var i = 0;
        var negative = false;
        if (i < text.Length && text[i] is '+' or '-')
        {
            negative = text[i] == '-';
            i++;
        }
        var digits = new System.Text.StringBuilder();
        var scale = 0;
        var seenPoint = false;
        var anyDigit = false;
        for (; i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'); i++)
        {
            if (text[i] == '.')
            {
                if (seenPoint)
                {
                    return false;
                }
                seenPoint = true;
                continue;
            }
            anyDigit = true;
            digits.Append(text[i]);
            if (seenPoint)
            {
                scale++;
            }
        }
        if (!anyDigit || digits.Length > 64)
        {
            return false;
        }
        var suffix = text[i..];
        var numerator = BigInteger.Parse(digits.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        if (Suffixes.TryGetValue(suffix, out var factor))
        {
            numerator *= BigInteger.Pow(2, factor.Base2);
            scale -= factor.Base10;
        }
        else if (suffix.Length > 1 && suffix[0] is 'e' or 'E'
            && int.TryParse(suffix[1..], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var exponent)
            && Math.Abs(exponent) <= MaxExponent)
        {
            scale -= exponent;
        }
        else
        {
            return false;
        }
        if (scale < 0)
        {
            numerator *= BigInteger.Pow(10, -scale);
            scale = 0;
        }
        quantity = new CelQuantity(negative ? -numerator : numerator, scale);
        return true;
    }

    private static bool IsInteger(CelQuantity quantity) => BigInteger.Remainder(quantity.Numerator, BigInteger.Pow(10, quantity.Scale)).IsZero;

    private static CelQuantity Operand(object? value, string name) => value switch
    {
        CelQuantity q => q,
        long l => new CelQuantity(l, 0),
        _ => throw CelEquality.NoOverload(name, value),
    };
}
