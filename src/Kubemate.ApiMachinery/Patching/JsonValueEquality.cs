using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.Patching;

/// <summary>
/// Semantic JSON equality: numbers compare by value (<c>1</c> equals <c>1.0</c>), objects ignore member order,
/// arrays compare element by element.
/// </summary>
internal static class JsonValueEquality
{
    public static bool AreEqual(JsonNode? left, JsonNode? right)
    {
        switch (left, right)
        {
            case (null, null):
                return true;
            case (null, _) or (_, null):
                return false;
            case (JsonObject l, JsonObject r):
                if (l.Count != r.Count)
                {
                    return false;
                }
                foreach (var (name, value) in l)
                {
                    if (!r.TryGetPropertyValue(name, out var other) || !AreEqual(value, other))
                    {
                        return false;
                    }
                }
                return true;
            case (JsonArray l, JsonArray r):
                if (l.Count != r.Count)
                {
                    return false;
                }
                for (var i = 0; i < l.Count; i++)
                {
                    if (!AreEqual(l[i], r[i]))
                    {
                        return false;
                    }
                }
                return true;
            case (JsonValue l, JsonValue r):
                return ScalarsEqual(l, r);
            default:
                return false;
        }
    }

    /// <summary>A short JSON rendering of a value for error messages.</summary>
    public static string Describe(JsonNode? node) => node?.ToJsonString() ?? "null";

    private static bool ScalarsEqual(JsonValue left, JsonValue right)
    {
        var kind = left.GetValueKind();
        if (kind != right.GetValueKind())
        {
            return false;
        }
        return kind switch
        {
            JsonValueKind.String => left.TryGetValue<string>(out var l) && right.TryGetValue<string>(out var r)
                ? l == r
                : left.ToJsonString() == right.ToJsonString(),
            JsonValueKind.Number => NumbersEqual(left, right),
            _ => true, // true, false and null carry no further data
        };
    }

    private static bool NumbersEqual(JsonValue left, JsonValue right)
    {
        var l = left.ToJsonString();
        var r = right.ToJsonString();
        if (l == r)
        {
            return true;
        }
        if (decimal.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out var ld)
            && decimal.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out var rd))
        {
            return ld == rd;
        }
        return double.Parse(l, CultureInfo.InvariantCulture) == double.Parse(r, CultureInfo.InvariantCulture);
    }
}
