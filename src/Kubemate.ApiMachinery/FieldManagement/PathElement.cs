using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>
/// One step of a <see cref="FieldPath"/>. Equal elements have equal FieldsV1 keys; the order is the apiserver's
/// (fields, then keys, values, indexes; each compared by content), which is also the order of FieldsV1 output.
/// </summary>
public sealed class PathElement : IEquatable<PathElement>, IComparable<PathElement>
{
    private readonly string encoded;

    private PathElement(PathElementKind kind, string? fieldName, IReadOnlyList<KeyValuePair<string, JsonNode?>>? keyFields, JsonNode? value, int index)
    {
        Kind = kind;
        FieldName = fieldName;
        KeyFields = keyFields;
        Value = value;
        Index = index;
        encoded = kind switch
        {
            PathElementKind.Field => "f:" + fieldName,
            PathElementKind.Key => "k:" + GoText.Json(KeyObject(keyFields!)),
            PathElementKind.Value => "v:" + GoText.Json(value),
            _ => "i:" + index.ToString(CultureInfo.InvariantCulture),
        };
    }

    public PathElementKind Kind { get; }

    /// <summary>The field or map key, for <see cref="PathElementKind.Field"/>.</summary>
    public string? FieldName { get; }

    /// <summary>The key fields sorted by name, for <see cref="PathElementKind.Key"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode?>>? KeyFields { get; }

    /// <summary>The element value, for <see cref="PathElementKind.Value"/>.</summary>
    public JsonNode? Value { get; }

    /// <summary>The position, for <see cref="PathElementKind.Index"/>.</summary>
    public int Index { get; }

    public static PathElement Field(string name) => new(PathElementKind.Field, name, null, null, 0);

    /// <summary>A list-map element identified by its key fields (in any order; they are sorted by name).</summary>
    public static PathElement Key(IEnumerable<KeyValuePair<string, JsonNode?>> fields)
    {
        var sorted = fields
            .Select(f => new KeyValuePair<string, JsonNode?>(f.Key, JsonValues.Canonical(f.Value)))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .ToList();
        if (sorted.Count == 0)
        {
            throw new ArgumentException("a key path element needs at least one key field", nameof(fields));
        }
        return new(PathElementKind.Key, null, sorted, null, 0);
    }

    /// <summary>Shorthand for a list-map element with one key field.</summary>
    public static PathElement Key(string name, JsonNode? value) => Key([new KeyValuePair<string, JsonNode?>(name, value)]);

    public static PathElement ForValue(JsonNode? value) => new(PathElementKind.Value, null, null, JsonValues.Canonical(value), 0);

    public static PathElement ForIndex(int index) => new(PathElementKind.Index, null, null, null, index);

    /// <summary>The FieldsV1 object key: <c>f:name</c>, <c>k:{...}</c>, <c>v:...</c> or <c>i:N</c>.</summary>
    public string ToFieldsV1Key() => encoded;

    /// <summary>
    /// Parses a FieldsV1 key. Returns null for a prefix this version does not know (the apiserver drops those);
    /// throws <see cref="FormatException"/> for a known prefix with a malformed body.
    /// </summary>
    public static PathElement? ParseFieldsV1Key(string key)
    {
        if (key.Length < 2 || key[1] != ':')
        {
            return null;
        }
        var body = key[2..];
        switch (key[0])
        {
            case 'f':
                return Field(body);
            case 'k':
                if (ParseJson(key, body) is not JsonObject keyObject || keyObject.Count == 0)
                {
                    throw new FormatException($"{Quote(key)}: a key element must be a non-empty JSON object");
                }
                return Key(keyObject.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, p.Value?.DeepClone())));
            case 'v':
                return ForValue(ParseJson(key, body));
            case 'i':
                if (!int.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    throw new FormatException($"{Quote(key)}: an index element must be a non-negative integer");
                }
                return ForIndex(index);
            default:
                return null;
        }
    }

    /// <summary>Kubernetes print form: <c>.name</c>, <c>[name="app"]</c>, <c>[="value"]</c>, <c>[0]</c>.</summary>
    public override string ToString() => Kind switch
    {
        PathElementKind.Field => "." + FieldName,
        PathElementKind.Key => "[" + string.Join(",", KeyFields!.Select(f => $"{f.Key}={GoText.PrintForm(f.Value)}")) + "]",
        PathElementKind.Value => "[=" + GoText.PrintForm(Value) + "]",
        _ => "[" + Index.ToString(CultureInfo.InvariantCulture) + "]",
    };

    public bool Equals(PathElement? other) => other is not null && string.Equals(encoded, other.encoded, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is PathElement other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(encoded);

    public int CompareTo(PathElement? other)
    {
        if (other is null)
        {
            return 1;
        }
        if (Kind != other.Kind)
        {
            return Kind.CompareTo(other.Kind);
        }
        var result = Kind switch
        {
            PathElementKind.Field => string.CompareOrdinal(FieldName, other.FieldName),
            PathElementKind.Key => CompareKeys(KeyFields!, other.KeyFields!),
            PathElementKind.Value => JsonValues.Compare(Value, other.Value),
            _ => Index.CompareTo(other.Index),
        };
        // Keep the order consistent with equality when values compare equal but are spelled differently.
        return result != 0 ? result : string.CompareOrdinal(encoded, other.encoded);
    }

    private static int CompareKeys(IReadOnlyList<KeyValuePair<string, JsonNode?>> left, IReadOnlyList<KeyValuePair<string, JsonNode?>> right)
    {
        for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
        {
            var c = string.CompareOrdinal(left[i].Key, right[i].Key);
            if (c == 0)
            {
                c = JsonValues.Compare(left[i].Value, right[i].Value);
            }
            if (c != 0)
            {
                return c;
            }
        }
        return left.Count.CompareTo(right.Count);
    }

    private static JsonObject KeyObject(IReadOnlyList<KeyValuePair<string, JsonNode?>> fields)
    {
        var obj = new JsonObject();
        foreach (var (name, value) in fields)
        {
            obj[name] = value?.DeepClone();
        }
        return obj;
    }

    private static JsonNode? ParseJson(string key, string body)
    {
        try
        {
            var node = JsonNode.Parse(body);
            if (node is JsonObject obj)
            {
                _ = obj.Count; // objects load lazily: surface duplicate keys here, as a format error
            }
            return node;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            throw new FormatException($"{Quote(key)}: invalid JSON: {ex.Message}", ex);
        }
    }

    private static string Quote(string key) => "\"" + key + "\"";
}
