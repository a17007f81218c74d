using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubemate.Schema.Validation;

/// <summary>
/// A JSON number as the apiserver decodes it: an <c>int64</c> when the text is an integer that fits, else a
/// <c>float64</c>. Numbers held as doubles count as integers when integral, because Go writes such floats without a
/// fraction and they come back as <c>int64</c>.
/// </summary>
internal readonly record struct NumberValue(bool IsInteger, long Integer, double Double)
{
    public static NumberValue FromInteger(long value) => new(true, value, value);

    public static NumberValue FromDouble(double value) =>
        double.IsFinite(value) && Math.Floor(value) == value && value >= -9.2233720368547758E+18 && value < 9.2233720368547758E+18
            ? FromInteger((long)value)
            : new NumberValue(false, 0, value);

    public static bool TryRead(JsonNode? node, out NumberValue number)
    {
        number = default;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return TryParse(element.GetRawText(), out number);
        }
        if (value.TryGetValue<long>(out var int64)) { number = FromInteger(int64); return true; }
        if (value.TryGetValue<int>(out var int32)) { number = FromInteger(int32); return true; }
        if (value.TryGetValue<short>(out var int16)) { number = FromInteger(int16); return true; }
        if (value.TryGetValue<sbyte>(out var int8)) { number = FromInteger(int8); return true; }
        if (value.TryGetValue<byte>(out var uint8)) { number = FromInteger(uint8); return true; }
        if (value.TryGetValue<ushort>(out var uint16)) { number = FromInteger(uint16); return true; }
        if (value.TryGetValue<uint>(out var uint32)) { number = FromInteger(uint32); return true; }
        if (value.TryGetValue<ulong>(out var uint64))
        {
            number = uint64 <= long.MaxValue ? FromInteger((long)uint64) : new NumberValue(false, 0, uint64);
            return true;
        }
        if (value.TryGetValue<double>(out var real)) { number = FromDouble(real); return true; }
        if (value.TryGetValue<float>(out var single)) { number = FromDouble(single); return true; }
        if (value.TryGetValue<decimal>(out var dec))
        {
            number = decimal.Truncate(dec) == dec && dec >= long.MinValue && dec <= long.MaxValue
                ? FromInteger((long)dec)
                : new NumberValue(false, 0, (double)dec);
            return true;
        }
        return TryParse(value.ToJsonString(), out number);
    }

    private static bool TryParse(string raw, out NumberValue number)
    {
        if (long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            number = FromInteger(integer);
            return true;
        }
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            number = new NumberValue(false, 0, real);
            return true;
        }
        number = default;
        return false;
    }
}
