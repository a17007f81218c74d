using System.Numerics;

namespace Kubemate.Schema.Cel;

/// <summary>A CEL <c>bytes</c> value.</summary>
internal sealed record CelBytes(byte[] Value)
{
    public bool Equals(CelBytes? other) => other is not null && Value.AsSpan().SequenceEqual(other.Value);

    public override int GetHashCode() => Value.Length;
}

/// <summary>A CEL list; <see cref="ListType"/> is the schema's <c>x-kubernetes-list-type</c>, which makes equality ignore order for sets and maps.</summary>
internal sealed class CelList(IReadOnlyList<object?> items, string? listType = null)
{
    public IReadOnlyList<object?> Items { get; } = items;

    public string? ListType { get; } = listType;

    public int Count => Items.Count;
}

/// <summary>A CEL map (or an object of a structural schema, whose fields read like map entries).</summary>
internal abstract class CelMap
{
    public abstract int Count { get; }

    public abstract IEnumerable<object> Keys { get; }

    /// <summary>True for objects with declared properties: field selection unescapes names (<c>__namespace__</c>).</summary>
    public virtual bool IsObject => false;

    public abstract bool TryGet(object key, out object? value);
}

internal sealed class CelLiteralMap(Dictionary<object, object?> entries) : CelMap
{
    public override int Count => entries.Count;

    public override IEnumerable<object> Keys => entries.Keys;

    public override bool TryGet(object key, out object? value)
    {
        foreach (var (candidate, entry) in entries)
        {
            if (CelEquality.AreEqual(candidate, key))
            {
                value = entry;
                return true;
            }
        }
        value = null;
        return false;
    }
}

/// <summary>A quantity (<c>resource.Quantity</c>) as an exact decimal.</summary>
internal sealed record CelQuantity(BigInteger Numerator, int Scale)
{
    public int CompareTo(CelQuantity other)
    {
        var scale = Math.Max(Scale, other.Scale);
        return (Numerator * BigInteger.Pow(10, scale - Scale)).CompareTo(other.Numerator * BigInteger.Pow(10, scale - other.Scale));
    }
}

internal sealed record CelUrl(string Scheme, string Host, string Hostname, string Port, string EscapedPath, string Query, IReadOnlyDictionary<string, IReadOnlyList<string>> QueryValues);

internal sealed record CelIp(System.Net.IPAddress Address);

internal sealed record CelCidr(System.Net.IPAddress Address, int PrefixLength);

/// <summary>A CEL type value (<c>type(x)</c>, <c>int</c>, <c>string</c>...), compared by name.</summary>
internal sealed record CelType(string Name);

/// <summary>A failed evaluation: the message reads as cel-go's (<c>no such key: foo</c>, <c>division by zero</c>).</summary>
internal class CelEvaluationException(string message) : Exception(message);

/// <summary>The evaluation ran out of its cost budget.</summary>
internal sealed class CelCostExceededException() : CelEvaluationException("operation cancelled: actual cost limit exceeded");
