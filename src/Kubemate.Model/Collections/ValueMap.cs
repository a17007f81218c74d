using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kubemate.Model.Collections;

/// <summary>
/// An immutable string-to-string map (labels, selectors) that keeps insertion order for output
/// but compares regardless of order.
/// </summary>
[JsonConverter(typeof(ValueMapJsonConverter))]
public sealed class ValueMap : IReadOnlyDictionary<string, string>, IEquatable<ValueMap>
{
    private readonly KeyValuePair<string, string>[] _pairs;
    private readonly Dictionary<string, string> _lookup;

    public static readonly ValueMap Empty = new([]);

    public ValueMap(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        _lookup = new Dictionary<string, string>(StringComparer.Ordinal);
        var ordered = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in pairs)
        {
            if (_lookup.TryAdd(key, value))
            {
                ordered.Add(new(key, value));
            }
        }
        _pairs = [.. ordered];
    }

    public static ValueMap Of(params (string Key, string Value)[] pairs) => new(pairs.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)));

    public string this[string key] => _lookup[key];

    public IEnumerable<string> Keys => _pairs.Select(p => p.Key);

    public IEnumerable<string> Values => _pairs.Select(p => p.Value);

    public int Count => _pairs.Length;

    public bool ContainsKey(string key) => _lookup.ContainsKey(key);

    public bool TryGetValue(string key, out string value) => _lookup.TryGetValue(key, out value!);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_pairs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ValueMap? other) =>
        other is not null && other.Count == Count && _pairs.All(p => other._lookup.TryGetValue(p.Key, out var v) && v == p.Value);

    public override bool Equals(object? obj) => obj is ValueMap other && Equals(other);

    public override int GetHashCode() => _pairs.Aggregate(0, (hash, p) => hash ^ HashCode.Combine(p.Key, p.Value));

    public override string ToString() => "{" + string.Join(", ", _pairs.Select(p => $"{p.Key}={p.Value}")) + "}";
}

public sealed class ValueMapJsonConverter : JsonConverter<ValueMap>
{
    public override bool HandleNull => true;

    public override ValueMap Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return ValueMap.Empty;
        }
        var pairs = JsonSerializer.Deserialize<Dictionary<string, string>>(ref reader, options) ?? [];
        return new ValueMap(pairs);
    }

    public override void Write(Utf8JsonWriter writer, ValueMap value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, item) in value)
        {
            writer.WriteString(key, item);
        }
        writer.WriteEndObject();
    }
}
