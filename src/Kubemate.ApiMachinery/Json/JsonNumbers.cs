using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.Json;

/// <summary>
/// Reads numbers from JSON values whatever backs them: a value parsed from text holds a JsonElement, one built in
/// code holds the CLR type it was made from (int, long, double…), and TryGetValue only converts the first kind.
/// </summary>
public static class JsonNumbers
{
    public static bool TryGetInt64(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue json || json.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }
        if (json.TryGetValue(out long direct))
        {
            value = direct;
            return true;
        }
        return long.TryParse(json.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryGetDouble(JsonNode? node, out double value)
    {
        value = 0;
        if (node is not JsonValue json || json.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }
        return double.TryParse(json.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
