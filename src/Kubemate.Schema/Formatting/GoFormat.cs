using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;
using Kubemate.Schema.Validation;

namespace Kubemate.Schema.Formatting;

/// <summary>
/// Prints JSON values the way Go's fmt prints the decoded <c>interface{}</c> values in apiserver messages:
/// <c>%q</c> for strings, <c>%v</c> for numbers and booleans, <c>%#v</c> for maps and slices.
/// </summary>
internal static class GoFormat
{
    /// <summary>The value part of a field error, as apimachinery's <c>ErrorBody</c> prints <c>BadValue</c>.</summary>
    public static string BadValue(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject or JsonArray => SharpV(value),
        _ => Scalar(value.AsValue()),
    };

    /// <summary>Go's <c>%#v</c> of a decoded JSON value.</summary>
    public static string SharpV(JsonNode? value)
    {
        var builder = new StringBuilder();
        AppendSharpV(builder, value);
        return builder.ToString();
    }

    /// <summary>Go's <c>%v</c> of a float64 (<c>strconv.FormatFloat(f, 'g', -1, 64)</c>).</summary>
    public static string Float(double value)
    {
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }
        var (negative, digits, pointPosition) = ShortestDigits(value);
        var exponent = pointPosition - 1;
        var builder = new StringBuilder();
        if (negative)
        {
            builder.Append('-');
        }
        if (exponent < -4 || exponent >= 6)
        {
            builder.Append(digits[0]);
            if (digits.Length > 1)
            {
                builder.Append('.').Append(digits, 1, digits.Length - 1);
            }
            builder.Append('e').Append(exponent < 0 ? '-' : '+');
            var magnitude = Math.Abs(exponent);
            builder.Append(magnitude < 10 ? "0" : string.Empty).Append(magnitude.ToString(CultureInfo.InvariantCulture));
        }
        else if (pointPosition <= 0)
        {
            builder.Append("0.").Append('0', -pointPosition).Append(digits);
        }
        else if (pointPosition >= digits.Length)
        {
            builder.Append(digits).Append('0', pointPosition - digits.Length);
        }
        else
        {
            builder.Append(digits, 0, pointPosition).Append('.').Append(digits, pointPosition, digits.Length - pointPosition);
        }
        return builder.ToString();
    }

    /// <summary>Go's <c>json.Marshal</c> of a float64: plain decimals unless tiny or huge.</summary>
    public static string JsonFloat(double value)
    {
        var magnitude = Math.Abs(value);
        if (magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21))
        {
            return Float(value);
        }
        return FixedShortest(value);
    }

    /// <summary>Go's <c>%v</c> of a number that may be an integer or a float.</summary>
    public static string Number(NumberValue number) =>
        number.IsInteger ? number.Integer.ToString(CultureInfo.InvariantCulture) : Float(number.Double);

    private static string FixedShortest(double value)
    {
        var (negative, digits, pointPosition) = ShortestDigits(value);
        var builder = new StringBuilder();
        if (negative)
        {
            builder.Append('-');
        }
        if (digits.Length == 0)
        {
            return "0";
        }
        if (pointPosition <= 0)
        {
            builder.Append("0.").Append('0', -pointPosition).Append(digits);
        }
        else if (pointPosition >= digits.Length)
        {
            builder.Append(digits).Append('0', pointPosition - digits.Length);
        }
        else
        {
            builder.Append(digits, 0, pointPosition).Append('.').Append(digits, pointPosition, digits.Length - pointPosition);
        }
        return builder.ToString();
    }

    private static string Scalar(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String when JsonSemantics.IsString(value, out var text):
                return GoQuote.Quote(text);
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Number:
                return NumberValue.TryRead(value, out var number) ? Number(number) : value.ToJsonString();
            default:
                return "null";
        }
    }

    private static void AppendSharpV(StringBuilder builder, JsonNode? value)
    {
        switch (value)
        {
            case null:
                builder.Append("interface {}(nil)");
                break;
            case JsonObject obj:
                builder.Append("map[string]interface {}{");
                var first = true;
                foreach (var (key, child) in obj.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                {
                    builder.Append(first ? string.Empty : ", ").Append(GoQuote.Quote(key)).Append(':');
                    AppendSharpV(builder, child);
                    first = false;
                }
                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append("[]interface {}{");
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ");
                    AppendSharpV(builder, array[i]);
                }
                builder.Append('}');
                break;
            default:
                builder.Append(Scalar(value.AsValue()));
                break;
        }
    }

    // The shortest round-trip decimal digits of value and where the decimal point falls relative to them.
    private static (bool Negative, string Digits, int PointPosition) ShortestDigits(double value)
    {
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var dot = text.IndexOf('.');
        var integerPart = dot < 0 ? text : text[..dot];
        var fractionPart = dot < 0 ? string.Empty : text[(dot + 1)..];
        var digits = (integerPart + fractionPart).TrimStart('0');
        var leadingZeros = (integerPart + fractionPart).Length - digits.Length;
        var pointPosition = integerPart.Length - leadingZeros + exponent;
        return (value < 0, digits.TrimEnd('0'), pointPosition);
    }
}
