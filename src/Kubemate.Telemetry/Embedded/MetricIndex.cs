using System.Numerics;
using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Embedded;

/// <summary>
/// The series of one metric name with an inverted index (label name → value → positions), so matchers select by
/// looking up postings once per distinct label value instead of testing every series. A missing label counts as the
/// empty value, as in Prometheus: <c>client_id=""</c> selects the series without a <c>client_id</c>.
/// </summary>
internal sealed class MetricIndex
{
    private readonly List<StoredSeries?> series = [];
    private readonly Dictionary<string, Dictionary<string, List<int>>> postings = [];
    private int removed;

    public int Count => series.Count - removed;

    public void Add(StoredSeries stored, LabelSet labels)
    {
        stored.Slot = series.Count;
        series.Add(stored);
        foreach (var (name, value) in labels.Pairs)
        {
            if (!postings.TryGetValue(name, out var byValue))
            {
                postings[name] = byValue = [];
            }
            if (!byValue.TryGetValue(value, out var slots))
            {
                byValue[value] = slots = [];
            }
            slots.Add(stored.Slot);
        }
    }

    /// <summary>Forgets a series; the index is rebuilt once half of its positions are gaps.</summary>
    public void Remove(StoredSeries stored)
    {
        if (stored.Slot >= series.Count || !ReferenceEquals(series[stored.Slot], stored))
        {
            return;
        }
        series[stored.Slot] = null;
        removed++;
        if (removed * 2 > series.Count)
        {
            var kept = series.OfType<StoredSeries>().ToList();
            series.Clear();
            postings.Clear();
            removed = 0;
            kept.ForEach(s => Add(s, s.Labels));
        }
    }

    /// <summary>The series every matcher accepts.</summary>
    public List<StoredSeries> Select(IReadOnlyList<LabelMatcher> matchers)
    {
        ulong[]? selected = null;
        foreach (var matcher in matchers)
        {
            var bits = Bits(matcher);
            if (selected is null)
            {
                selected = bits;
                continue;
            }
            for (var w = 0; w < selected.Length; w++)
            {
                selected[w] &= bits[w];
            }
        }
        var result = new List<StoredSeries>();
        if (selected is null)
        {
            result.AddRange(series.OfType<StoredSeries>());
            return result;
        }
        for (var w = 0; w < selected.Length; w++)
        {
            for (var word = selected[w]; word != 0; word &= word - 1)
            {
                if (series[w * 64 + BitOperations.TrailingZeroCount(word)] is { } stored)
                {
                    result.Add(stored);
                }
            }
        }
        return result;
    }

    private ulong[] Bits(LabelMatcher matcher)
    {
        var bits = new ulong[(series.Count + 63) / 64];
        var byValue = postings.GetValueOrDefault(matcher.Name);
        if (matcher.Operator == MatchOperator.Equal && matcher.Value.Length > 0)
        {
            if (byValue is not null && byValue.TryGetValue(matcher.Value, out var slots))
            {
                Set(bits, slots);
            }
            return bits;
        }
        if (matcher.Matches(LabelSet.Empty))
        {
            // Everything, less the series whose value the matcher rejects.
            Array.Fill(bits, ulong.MaxValue);
            if (series.Count % 64 != 0)
            {
                bits[^1] = (1UL << (series.Count % 64)) - 1;
            }
            foreach (var (value, slots) in byValue ?? [])
            {
                if (!Accepts(matcher, value))
                {
                    foreach (var slot in slots)
                    {
                        bits[slot >> 6] &= ~(1UL << (slot & 63));
                    }
                }
            }
            return bits;
        }
        foreach (var (value, slots) in byValue ?? [])
        {
            if (Accepts(matcher, value))
            {
                Set(bits, slots);
            }
        }
        return bits;
    }

    private static bool Accepts(LabelMatcher matcher, string value) => matcher.Matches(LabelSet.Of((matcher.Name, value)));

    private static void Set(ulong[] bits, List<int> slots)
    {
        foreach (var slot in slots)
        {
            bits[slot >> 6] |= 1UL << (slot & 63);
        }
    }
}
