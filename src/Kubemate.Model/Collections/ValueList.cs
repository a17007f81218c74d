using System.Collections;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;

namespace Kubemate.Model.Collections;

/// <summary>
/// An immutable list that compares by its items, so model records that hold lists keep value equality.
/// Build it with a collection expression: <c>ValueList&lt;string&gt; methods = ["GET", "HEAD"];</c>
/// </summary>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
[JsonConverter(typeof(ValueListJsonConverterFactory))]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    public static readonly ValueList<T> Empty = new([]);

    internal ValueList(T[] items) => _items = items;

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(ValueList<T>? other) =>
        other is not null && _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default);

    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(", ", _items) + "]";

    public static bool operator ==(ValueList<T>? left, ValueList<T>? right) => Equals(left, right);

    public static bool operator !=(ValueList<T>? left, ValueList<T>? right) => !Equals(left, right);
}

public static class ValueList
{
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => items.Length == 0 ? ValueList<T>.Empty : new(items.ToArray());

    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items)
    {
        var array = items.ToArray();
        return array.Length == 0 ? ValueList<T>.Empty : new(array);
    }
}
