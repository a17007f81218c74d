using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Embedded;

/// <summary>
/// The samples of one scrape target: one ring of scrape timestamps shared by all its series, and per series a ring
/// of values in the same slots (NaN where the series was absent from a scrape). Sharing the timestamps halves memory.
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

    /// <summary>
    /// Records one scrape; returns the series created by it. Series are keyed by their scraped labels, so the
    /// target labels are merged in (<paramref name="merge"/>) only when a series first appears.
    /// </summary>
    public List<StoredSeries> Append(long timeMs, IEnumerable<(string Name, LabelSet Scraped, double Value)> samples, Func<LabelSet, LabelSet> merge)
    {
        var slot = (int)(scrapes % capacity);
        times[slot] = timeMs;
        var created = new List<StoredSeries>();
        foreach (var existing in series.Values)
        {
            existing.Values[slot] = double.NaN;
        }
        foreach (var (name, scraped, value) in samples)
        {
            if (!series.TryGetValue((name, scraped), out var stored))
            {
                stored = new StoredSeries(this, name, merge(scraped), new double[capacity], scrapes);
                Array.Fill(stored.Values, double.NaN);
                series[(name, scraped)] = stored;
                created.Add(stored);
            }
            stored.Values[slot] = value;
        }
        scrapes++;
        return created;
    }

    /// <summary>Copies the series' samples with from &lt;= t &lt;= to into the buffers, oldest first.</summary>
    public int Read(StoredSeries stored, long fromMs, long toMs, Span<long> timeBuffer, Span<double> valueBuffer)
    {
        // Walk back from the newest scrape and stop at the window's start: a 1 m window reads ~6 slots, not the whole hour.
        var oldest = Math.Max(stored.FirstScrape, scrapes - capacity);
        var last = scrapes - 1;
        while (last >= oldest && times[(int)(last % capacity)] > toMs)
        {
            last--;
        }
        if (last < oldest)
        {
            return 0;
        }
        var first = last;
        while (first - 1 >= oldest && times[(int)((first - 1) % capacity)] >= fromMs)
        {
            first--;
        }
        var count = 0;
        for (var i = first; i <= last; i++)
        {
            var slot = (int)(i % capacity);
            if (times[slot] < fromMs)
            {
                continue;
            }
            var value = stored.Values[slot];
            if (!double.IsNaN(value))
            {
                timeBuffer[count] = times[slot];
                valueBuffer[count] = value;
                count++;
            }
        }
        return count;
    }

    public int Capacity => capacity;

    public long ApproximateBytes() =>
        times.Length * sizeof(long) + series.Count * (capacity * sizeof(double) + 96L)
        + series.Values.Sum(s => s.Labels.Count * 48L);
}

/// <summary>One series of a target: its name, its full label set and its value ring.</summary>
internal sealed record StoredSeries(TargetSeries Target, string Name, LabelSet Labels, double[] Values, long FirstScrape);
