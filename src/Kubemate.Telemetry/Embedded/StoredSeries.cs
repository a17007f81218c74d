using System.Collections.Concurrent;
using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Embedded;

/// <summary>
/// One series of a target: its name, its scraped labels and its values (in the target's scrape numbering; the chunks
/// are inherited rather than referenced, which saves an object and a pointer hop per series read). The full
/// label set (target labels merged in) is not kept per series — it is rebuilt on the rare occasions it is needed
/// (indexing, a grouping not seen before), which keeps a million series' label sets out of the heap.
/// </summary>
internal sealed class StoredSeries(TargetSeries target, string name, LabelSet scraped, double? upperBound) : ValueChunks(target.Capacity)
{
    private static readonly ConcurrentDictionary<string, string> Signatures = new();

    private GroupKey? groupKey;

    public TargetSeries Target { get; } = target;
    public string Name { get; } = name;
    public LabelSet Scraped { get; } = scraped;

    /// <summary>The full label set: the target's labels win, clashing scraped ones become <c>exported_&lt;name&gt;</c>.</summary>
    public LabelSet Labels => TargetSeries.Merge(Target.TargetLabels, Scraped);

    /// <summary>The scrape that last gave this series a value (a repeated sample within one scrape is ignored, as Prometheus does).</summary>
    public long LastScrape { get; set; } = -1;

    /// <summary>Position in its metric's index.</summary>
    public int Slot { get; set; }

    /// <summary>The histogram bucket's upper bound (<c>le</c>), parsed once; null when absent or not a number.</summary>
    public double? UpperBound { get; } = upperBound;

    /// <summary>One instance per distinct grouping, so the per-series cache compares references.</summary>
    public static string Signature(string[] sortedNames)
    {
        var text = string.Join('\u0001', sortedNames);
        return Signatures.GetOrAdd(text, text);
    }

    /// <summary>
    /// The labels kept by a <c>by (…)</c> grouping (<paramref name="signature"/> from <see cref="Signature"/>). The last
    /// grouping is cached per series: a series is read by the same grouping request after request, and building the key
    /// is most of the cost of aggregating it. <paramref name="canonical"/> makes series of one group share one cached key.
    /// </summary>
    public LabelSet KeyFor(string[] sortedNames, string signature, Dictionary<LabelSet, object> canonical)
    {
        var cached = groupKey;
        if (cached is not null && ReferenceEquals(cached.Signature, signature))
        {
            return cached.Key;
        }
        var key = Labels.Keep(sortedNames);
        if (canonical.TryGetValue(key, out var shared))
        {
            cached = (GroupKey)shared;
        }
        else
        {
            cached = new GroupKey(signature, key);
            canonical[key] = cached;
        }
        groupKey = cached;
        return cached.Key;
    }

    public static double? ParseBound(string text)
    {
        if (text is "+Inf" or "Inf")
        {
            return double.PositiveInfinity;
        }
        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var bound) ? bound : null;
    }

    private sealed record GroupKey(string Signature, LabelSet Key);
}
