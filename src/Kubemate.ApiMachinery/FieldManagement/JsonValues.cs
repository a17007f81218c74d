using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>
/// JSON value semantics of the apiserver's value package: numeric equality across integer and float spellings,
/// one canonical form for equal values, and a total order over values.
/// </summary>
internal static class JsonValues
{
    /// <summary>A copy with numbers in one canonical form, so equal values encode identically.</summary>
    public static JsonNode? Canonical(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, child) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    copy[name] = Canonical(child);
                }
                return copy;
            case JsonArray array:
                return new JsonArray(array.Select(Canonical).ToArray());
        }
        return node.GetValueKind() switch
        {
            JsonValueKind.String => JsonValue.Create(StringOf(node)),
            JsonValueKind.True => JsonValue.Create(true),
            JsonValueKind.False => JsonValue.Create(false),
            JsonValueKind.Number => CanonicalNumber(node),
            _ => null,
        };
    }

    public static bool DeepEquals(JsonNode? left, JsonNode? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }
        switch (left)
        {
            case JsonObject lo:
                if (right is not JsonObject ro || lo.Count != ro.Count)
                {
                    return false;
                }
                foreach (var (name, child) in lo)
                {
                    if (!ro.TryGetPropertyValue(name, out var other) || !DeepEquals(child, other))
                    {
                        return false;
                    }
                }
                return true;
            case JsonArray la:
                if (right is not JsonArray ra || la.Count != ra.Count)
                {
                    return false;
                }
                for (var i = 0; i < la.Count; i++)
                {
                    if (!DeepEquals(la[i], ra[i]))
                    {
                        return false;
                    }
                }
                return true;
        }
        if (right is JsonObject or JsonArray)
        {
            return false;
        }
        var lk = left.GetValueKind();
        var rk = right.GetValueKind();
        if (lk == JsonValueKind.Number && rk == JsonValueKind.Number)
        {
            return CompareNumbers(left, right) == 0;
        }
        if (lk != rk)
        {
            return false;
        }
        return lk != JsonValueKind.String || string.Equals(StringOf(left), StringOf(right), StringComparison.Ordinal);
    }

    /// <summary>Total order: numbers, then strings, bools, lists, maps, and null last.</summary>
    public static int Compare(JsonNode? left, JsonNode? right)
    {
        var lr = Rank(left);
        var rr = Rank(right);
        if (lr != rr)
        {
            return lr.CompareTo(rr);
        }
        switch (lr)
        {
            case 0:
                return CompareNumbers(left!, right!);
            case 1:
                return string.CompareOrdinal(StringOf(left!), StringOf(right!));
            case 2:
                return (left!.GetValueKind() == JsonValueKind.True).CompareTo(right!.GetValueKind() == JsonValueKind.True);
            case 3:
                var la = (JsonArray)left!;
                var ra = (JsonArray)right!;
                for (var i = 0; i < Math.Min(la.Count, ra.Count); i++)
                {
                    var c = Compare(la[i], ra[i]);
                    if (c != 0)
                    {
                        return c;
                    }
                }
                return la.Count.CompareTo(ra.Count);
            case 4:
                var lo = ((JsonObject)left!).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
                var ro = ((JsonObject)right!).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
                for (var i = 0; i < Math.Min(lo.Count, ro.Count); i++)
                {
                    var c = string.CompareOrdinal(lo[i].Key, ro[i].Key);
                    if (c == 0)
                    {
                        c = Compare(lo[i].Value, ro[i].Value);
                    }
                    if (c != 0)
                    {
                        return c;
                    }
                }
                return lo.Count.CompareTo(ro.Count);
            default:
                return 0;
        }
    }

    private static int Rank(JsonNode? node) => node switch
    {
        null => 5,
        JsonArray => 3,
        JsonObject => 4,
        _ => node.GetValueKind() switch
        {
            JsonValueKind.Number => 0,
            JsonValueKind.String => 1,
            JsonValueKind.True or JsonValueKind.False => 2,
            _ => 5,
        },
    };

    /// <summary>The text of a JSON string value, whatever CLR value the node wraps.</summary>
    public static string StringOf(JsonNode node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : JsonSerializer.Deserialize<string>(node.ToJsonString()) ?? "";

    // Integers compare exactly; anything else as doubles.
    private static int CompareNumbers(JsonNode left, JsonNode right)
    {
        var lt = left.ToJsonString();
        var rt = right.ToJsonString();
        if (long.TryParse(lt, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var li)
            && long.TryParse(rt, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ri))
        {
            return li.CompareTo(ri);
        }
        return NumberOf(left).CompareTo(NumberOf(right));
    }

    internal static double NumberOf(JsonNode node) =>
        double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static JsonNode CanonicalNumber(JsonNode node)
    {
        var text = node.ToJsonString();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }
        var number = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (Math.Floor(number) == number && Math.Abs(number) < 1e18)
        {
            return JsonValue.Create((long)number);
        }
        return JsonValue.Create(number);
    }
}
