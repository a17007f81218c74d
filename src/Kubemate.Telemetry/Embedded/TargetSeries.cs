using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Embedded;

/// <summary>
/// The samples of one scrape target: one ring of scrape timestamps shared by all its series, and per series its values
/// numbered by the same scrapes (<see cref="ValueChunks"/>), so a timestamp is stored once per target, not per series.
/// </summary>
internal sealed class TargetSeries(LabelSet targetLabels, int capacity)
{
    private readonly long[] times = new long[capacity];
    private readonly Dictionary<(string Name, LabelSet Scraped), StoredSeries> series = [];
    private long scrapes;

    public LabelSet TargetLabels { get; } = targetLabels;

    public long LastScrapeMs => scrapes == 0 ? long.MinValue : times[(scrapes - 1) % capacity];

    public IEnumerable<StoredSeries> Series => series.Values;

    public int SeriesCount => series.Count;

    public int Capacity => capacity;

    /// <summary>
    /// Records one scrape; returns the series created by it with their full labels. Series are keyed by their scraped
    /// labels, so the target labels are merged in only when a series first appears.
    /// </summary>
    public List<(StoredSeries Series, LabelSet Labels)> Append(long timeMs, IEnumerable<(string Name, LabelSet Scraped, double Value)> samples)
    {
        times[(int)(scrapes % capacity)] = timeMs;
        var created = new List<(StoredSeries, LabelSet)>();
        foreach (var (name, scraped, value) in samples)
        {
            if (!series.TryGetValue((name, scraped), out var stored))
            {
                var labels = Merge(TargetLabels, scraped);
                stored = new StoredSeries(this, name, scraped, StoredSeries.ParseBound(labels["le"]));
                series[(name, scraped)] = stored;
                created.Add((stored, labels));
            }
            if (stored.LastScrape == scrapes)
            {
                continue;
            }
            stored.LastScrape = scrapes;
            stored.Append(scrapes, value);
        }
        scrapes++;
        return created;
    }

    /// <summary>
    /// The scrapes with from &lt;= t &lt;= to, found once per target and shared by all its series (a series absent
    /// from some of them reads no value there).
    /// </summary>
    public ScrapeWindow Window(long fromMs, long toMs)
    {
        // Walk back from the newest scrape and stop at the window's start: a 1 m window reads ~6 scrapes, not the whole hour.
        var oldest = Math.Max(0, scrapes - capacity);
        var last = scrapes - 1;
        while (last >= oldest && times[(int)(last % capacity)] > toMs)
        {
            last--;
        }
        var first = last + 1;
        while (first - 1 >= oldest && times[(int)((first - 1) % capacity)] >= fromMs)
        {
            first--;
        }
        var windowTimes = new long[Math.Max(0, last - first + 1)];
        for (var i = 0; i < windowTimes.Length; i++)
        {
            windowTimes[i] = times[(int)((first + i) % capacity)];
        }
        return new ScrapeWindow(first, windowTimes);
    }

    /// <summary>Copies the series' samples inside <paramref name="window"/> into the buffers, oldest first; returns how many.</summary>
    public int Read(StoredSeries stored, ScrapeWindow window, Span<long> timeBuffer, Span<double> valueBuffer)
    {
        if (window.Count <= 0)
        {
            return 0;
        }
        stored.Read(window.First, valueBuffer[..window.Count]);
        var count = 0;
        for (var i = 0; i < window.Count; i++)
        {
            var value = valueBuffer[i];
            if (!double.IsNaN(value))
            {
                timeBuffer[count] = window.Times[i];
                valueBuffer[count] = value;
                count++;
            }
        }
        return count;
    }

    /// <summary>
    /// Target labels win over scraped labels of the same name, which are kept as <c>exported_&lt;name&gt;</c>
    /// (Prometheus' <c>honor_labels: false</c>).
    /// </summary>
    public static LabelSet Merge(LabelSet target, LabelSet scraped)
    {
        if (scraped.Count == 0)
        {
            return target;
        }
        var merged = new Dictionary<string, string>(target.Count + scraped.Count);
        foreach (var (name, value) in scraped.Pairs)
        {
            merged[target.Has(name) ? "exported_" + name : name] = value;
        }
        foreach (var (name, value) in target.Pairs)
        {
            merged[name] = value;
        }
        return LabelSet.From(merged);
    }

    public long ApproximateBytes() =>
        times.Length * sizeof(long) + series.Values.Sum(s => s.ApproximateBytes() + 170L + s.Scraped.Count * 16L);
}

/// <summary>Consecutive scrapes of one target from <see cref="First"/>, with their times (copied once, read for every series).</summary>
internal readonly record struct ScrapeWindow(long First, long[] Times)
{
    public int Count => Times.Length;
}
