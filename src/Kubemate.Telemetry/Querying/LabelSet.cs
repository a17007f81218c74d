namespace Kubemate.Telemetry.Querying;

/// <summary>An immutable set of label name/value pairs, sorted by name, compared by value.</summary>
public sealed class LabelSet : IEquatable<LabelSet>
{
    public static readonly LabelSet Empty = new([]);

    private readonly KeyValuePair<string, string>[] pairs;
    private readonly int hash;

    private LabelSet(KeyValuePair<string, string>[] sortedPairs)
    {
        pairs = sortedPairs;
        var combined = new HashCode();
        foreach (var (name, value) in pairs)
        {
            combined.Add(name);
            combined.Add(value);
        }
        hash = combined.ToHashCode();
    }

    /// <summary>Builds a set; empty values are dropped, as Prometheus treats an empty label as absent.</summary>
    public static LabelSet From(IEnumerable<KeyValuePair<string, string>> labels)
    {
        var list = labels.Where(pair => pair.Value.Length > 0).ToArray();
        Array.Sort(list, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new LabelSet(list);
    }

    public static LabelSet Of(params (string Name, string Value)[] labels) =>
        From(labels.Select(label => KeyValuePair.Create(label.Name, label.Value)));

    public IReadOnlyList<KeyValuePair<string, string>> Pairs => pairs;

    public int Count => pairs.Length;

    /// <summary>The value of a label, or "" when absent.</summary>
    public string this[string name]
    {
        get
        {
            foreach (var (key, value) in pairs)
            {
                if (key == name)
                {
                    return value;
                }
            }
            return "";
        }
    }

    public bool Has(string name) => this[name].Length > 0;

    /// <summary>Only the named labels (Prometheus' <c>by (…)</c>); <paramref name="sortedNames"/> is ordinal-sorted (see <see cref="SortNames"/>), so one merge pass suffices.</summary>
    public LabelSet Keep(string[] sortedNames)
    {
        Span<int> picked = stackalloc int[Math.Min(pairs.Length, sortedNames.Length)];
        var count = 0;
        for (int i = 0, j = 0; i < pairs.Length && j < sortedNames.Length;)
        {
            var order = string.CompareOrdinal(pairs[i].Key, sortedNames[j]);
            if (order == 0)
            {
                picked[count++] = i;
                i++;
                j++;
            }
            else if (order < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        var kept = new KeyValuePair<string, string>[count];
        for (var k = 0; k < count; k++)
        {
            kept[k] = pairs[picked[k]];
        }
        return new LabelSet(kept);
    }

    public static string[] SortNames(IEnumerable<string> names)
    {
        var sorted = names.Distinct().ToArray();
        Array.Sort(sorted, string.CompareOrdinal);
        return sorted;
    }

    public bool Equals(LabelSet? other)
    {
        if (other is null || other.hash != hash || other.pairs.Length != pairs.Length)
        {
            return false;
        }
        for (var i = 0; i < pairs.Length; i++)
        {
            if (pairs[i].Key != other.pairs[i].Key || pairs[i].Value != other.pairs[i].Value)
            {
                return false;
            }
        }
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as LabelSet);

    public override int GetHashCode() => hash;

    public override string ToString() => "{" + string.Join(",", pairs.Select(pair => $"{pair.Key}=\"{pair.Value}\"")) + "}";
}
