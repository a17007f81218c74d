namespace Kubemate.Telemetry.Embedded;

/// <summary>
/// Prometheus' evaluation rules, implemented from its documented semantics: extrapolated <c>increase</c>/<c>rate</c>
/// with counter-reset handling, and <c>histogram_quantile</c> with linear interpolation inside buckets.
/// </summary>
public static class PromFunctions
{
    /// <summary>
    /// Increase (or per-second rate) of a counter over [<paramref name="rangeStartMs"/>, <paramref name="rangeEndMs"/>]
    /// from the samples inside it, or null with fewer than two samples. A drop in value is a counter reset: the value
    /// before the drop is added back, so the result is never negative. The sampled increase is extrapolated towards the
    /// range ends by at most half an average sample interval unless the first/last sample is within 1.1 intervals of
    /// the end, and never below zero for the counter's start.
    /// </summary>
    public static double? ExtrapolatedIncrease(ReadOnlySpan<long> timesMs, ReadOnlySpan<double> values, long rangeStartMs, long rangeEndMs, bool perSecond)
    {
        if (values.Length < 2)
        {
            return null;
        }
        var result = values[^1] - values[0];
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] < values[i - 1])
            {
                result += values[i - 1];
            }
        }
        var durationToStart = (timesMs[0] - rangeStartMs) / 1000.0;
        var durationToEnd = (rangeEndMs - timesMs[^1]) / 1000.0;
        var sampledInterval = (timesMs[^1] - timesMs[0]) / 1000.0;
        if (sampledInterval <= 0)
        {
            return null;
        }
        var averageInterval = sampledInterval / (values.Length - 1);
        if (result > 0 && values[0] >= 0)
        {
            var durationToZero = sampledInterval * (values[0] / result);
            durationToStart = Math.Min(durationToStart, durationToZero);
        }
        var threshold = averageInterval * 1.1;
        var extrapolateTo = sampledInterval;
        extrapolateTo += durationToStart < threshold ? durationToStart : averageInterval / 2;
        extrapolateTo += durationToEnd < threshold ? durationToEnd : averageInterval / 2;
        result *= extrapolateTo / sampledInterval;
        return perSecond ? result / ((rangeEndMs - rangeStartMs) / 1000.0) : result;
    }

    /// <summary>
    /// The <paramref name="q"/>-quantile of a cumulative histogram given as (upper bound, count) buckets, as
    /// <c>histogram_quantile</c> computes it: NaN without a +Inf bucket or without observations; the upper bound of
    /// the second-highest bucket when the rank falls into +Inf; otherwise linear interpolation inside the bucket
    /// (starting at 0 for the first bucket). Non-monotonic counts are made monotonic first.
    /// </summary>
    public static double HistogramQuantile(double q, IReadOnlyList<(double UpperBound, double Count)> buckets)
    {
        var sorted = buckets.GroupBy(b => b.UpperBound).Select(g => (UpperBound: g.Key, Count: g.Sum(b => b.Count))).OrderBy(b => b.UpperBound).ToList();
        return HistogramQuantileOfSorted(q, sorted.Select(b => b.UpperBound).ToArray(), sorted.Select(b => b.Count).ToArray());
    }

    /// <summary>
    /// <see cref="HistogramQuantile"/> over buckets already summed per bound and sorted by it (distinct ascending
    /// <paramref name="upperBounds"/>); <paramref name="counts"/> is made monotonic in place.
    /// </summary>
    internal static double HistogramQuantileOfSorted(double q, ReadOnlySpan<double> upperBounds, Span<double> counts)
    {
        if (double.IsNaN(q))
        {
            return double.NaN;
        }
        if (q < 0)
        {
            return double.NegativeInfinity;
        }
        if (q > 1)
        {
            return double.PositiveInfinity;
        }
        var n = upperBounds.Length;
        if (n < 2 || !double.IsPositiveInfinity(upperBounds[n - 1]))
        {
            return double.NaN;
        }
        var max = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            max = Math.Max(max, counts[i]);
            counts[i] = max;
        }
        var observations = counts[n - 1];
        if (observations == 0 || double.IsNaN(observations))
        {
            return double.NaN;
        }
        var rank = q * observations;
        var b = 0;
        while (b < n && !(counts[b] >= rank))
        {
            b++;
        }
        if (b == n)
        {
            return double.NaN;
        }
        if (b == n - 1)
        {
            return upperBounds[n - 2];
        }
        if (b == 0 && upperBounds[0] <= 0)
        {
            return upperBounds[0];
        }
        var bucketStart = 0.0;
        var bucketEnd = upperBounds[b];
        var count = counts[b];
        if (b > 0)
        {
            bucketStart = upperBounds[b - 1];
            count -= counts[b - 1];
            rank -= counts[b - 1];
        }
        return bucketStart + (bucketEnd - bucketStart) * (rank / count);
    }
}
