using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Embedded;

/// <summary>Evaluates one <see cref="MetricQuery"/> at one instant over stored series, as Prometheus would.</summary>
internal static class QueryEvaluator
{
    public static IEnumerable<(LabelSet Labels, double Value)> Evaluate(MetricQuery query, IReadOnlyList<StoredSeries> series, long atMs,
        TimeSpan lookback, long[] timeBuffer, double[] valueBuffer)
    {
        var groupBy = LabelSet.SortNames(query.GroupBy);
        if (query.Function == QueryFunctionKind.Quantile)
        {
            return Quantiles(query, series, atMs, groupBy, timeBuffer, valueBuffer);
        }
        var sums = new Dictionary<LabelSet, double>();
        foreach (var stored in series)
        {
            var value = PerSeries(query, stored, atMs, lookback, timeBuffer, valueBuffer);
            if (value is { } v)
            {
                var key = stored.Labels.Keep(groupBy);
                sums[key] = sums.GetValueOrDefault(key) + v;
            }
        }
        return sums.Select(s => (s.Key, s.Value));
    }

    private static IEnumerable<(LabelSet, double)> Quantiles(MetricQuery query, IReadOnlyList<StoredSeries> series, long atMs, string[] groupBy,
        long[] timeBuffer, double[] valueBuffer)
    {
        var withLe = LabelSet.SortNames([.. groupBy, "le"]);
        var bucketRates = new Dictionary<LabelSet, double>();
        foreach (var stored in series)
        {
            if (PerSeries(query, stored, atMs, TimeSpan.Zero, timeBuffer, valueBuffer) is { } rate)
            {
                var key = stored.Labels.Keep(withLe);
                bucketRates[key] = bucketRates.GetValueOrDefault(key) + rate;
            }
        }
        var histograms = new Dictionary<LabelSet, List<(double, double)>>();
        foreach (var (labels, rate) in bucketRates)
        {
            if (!TryParseBound(labels["le"], out var bound))
            {
                continue;
            }
            var key = labels.Without("le");
            if (!histograms.TryGetValue(key, out var buckets))
            {
                histograms[key] = buckets = [];
            }
            buckets.Add((bound, rate));
        }
        return histograms.Select(h => (h.Key, PromFunctions.HistogramQuantile(query.Quantile, h.Value)));
    }

    private static double? PerSeries(MetricQuery query, StoredSeries stored, long atMs, TimeSpan lookback, long[] timeBuffer, double[] valueBuffer)
    {
        if (query.Function == QueryFunctionKind.Latest)
        {
            var n = stored.Target.Read(stored, atMs - (long)lookback.TotalMilliseconds + 1, atMs, timeBuffer, valueBuffer);
            return n == 0 ? null : valueBuffer[n - 1];
        }
        var from = atMs - (long)query.Window.TotalMilliseconds;
        var count = stored.Target.Read(stored, from, atMs, timeBuffer, valueBuffer);
        return PromFunctions.ExtrapolatedIncrease(timeBuffer.AsSpan(0, count), valueBuffer.AsSpan(0, count), from, atMs,
            perSecond: query.Function != QueryFunctionKind.Increase);
    }

    private static bool TryParseBound(string text, out double bound)
    {
        if (text is "+Inf" or "Inf")
        {
            bound = double.PositiveInfinity;
            return true;
        }
        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out bound);
    }
}
