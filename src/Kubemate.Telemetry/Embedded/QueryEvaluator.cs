using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Embedded;

/// <summary>Evaluates one <see cref="MetricQuery"/> at one instant over stored series, as Prometheus would.</summary>
internal static class QueryEvaluator
{
    public static IEnumerable<(LabelSet Labels, double Value)> Evaluate(MetricQuery query, IReadOnlyList<StoredSeries> series, long atMs,
        TimeSpan lookback, long[] timeBuffer, double[] valueBuffer)
    {
        // Quantiles group by (le, …) and then fold le away: grouping by the names without le and keeping each
        // series' parsed bound gives the same histograms without building a label set per bucket.
        var groupBy = LabelSet.SortNames(query.Function == QueryFunctionKind.Quantile ? query.GroupBy.Where(n => n != "le") : query.GroupBy);
        var signature = StoredSeries.Signature(groupBy);
        var canonical = new Dictionary<LabelSet, object>();
        var reader = new WindowReader(query, atMs, lookback, timeBuffer, valueBuffer);
        if (query.Function == QueryFunctionKind.Quantile)
        {
            return Quantiles(query, series, groupBy, signature, canonical, reader);
        }
        var sums = new Dictionary<LabelSet, double>();
        foreach (var stored in series)
        {
            if (reader.PerSeries(stored) is { } value)
            {
                var key = stored.KeyFor(groupBy, signature, canonical);
                sums[key] = sums.GetValueOrDefault(key) + value;
            }
        }
        return sums.Select(s => (s.Key, s.Value));
    }

    private static IEnumerable<(LabelSet, double)> Quantiles(MetricQuery query, IReadOnlyList<StoredSeries> series, string[] groupBy, string signature,
        Dictionary<LabelSet, object> canonical, WindowReader reader)
    {
        var histograms = new Dictionary<LabelSet, BucketCounts>();
        LabelSet? previousKey = null;
        BucketCounts? buckets = null;
        foreach (var stored in series)
        {
            if (stored.UpperBound is not { } bound || reader.PerSeries(stored) is not { } rate)
            {
                continue;
            }
            // The buckets of one histogram are stored one after another, so most series reuse the previous group's list.
            var key = stored.KeyFor(groupBy, signature, canonical);
            if (!ReferenceEquals(key, previousKey) && !histograms.TryGetValue(key, out buckets))
            {
                histograms[key] = buckets = new BucketCounts();
            }
            previousKey = key;
            buckets!.Add(bound, rate);
        }
        return histograms.Select(h => (h.Key, h.Value.Quantile(query.Quantile)));
    }

    /// <summary>Reads each series' samples for the query's window; the window's scrapes are found once per target.</summary>
    private sealed class WindowReader(MetricQuery query, long atMs, TimeSpan lookback, long[] timeBuffer, double[] valueBuffer)
    {
        private readonly long fromMs = query.Function == QueryFunctionKind.Latest
            ? atMs - (long)lookback.TotalMilliseconds + 1
            : atMs - (long)query.Window.TotalMilliseconds;
        private TargetSeries? target;
        private ScrapeWindow window;

        public double? PerSeries(StoredSeries stored)
        {
            if (!ReferenceEquals(stored.Target, target))
            {
                target = stored.Target;
                window = target.Window(fromMs, atMs);
            }
            var count = target.Read(stored, window, timeBuffer, valueBuffer);
            if (query.Function == QueryFunctionKind.Latest)
            {
                return count == 0 ? null : valueBuffer[count - 1];
            }
            return PromFunctions.ExtrapolatedIncrease(timeBuffer.AsSpan(0, count), valueBuffer.AsSpan(0, count), fromMs, atMs,
                perSecond: query.Function != QueryFunctionKind.Increase);
        }
    }
}
