namespace Kubemate.Telemetry.Embedded;

/// <summary>
/// The bucket rates of one histogram, summed per upper bound and kept sorted by it. Buckets mostly arrive in
/// ascending order and repeat the same bounds (one set per series of a group), so the search starts at the last
/// bound touched and an add is usually one comparison.
/// </summary>
internal sealed class BucketCounts
{
    private double[] bounds = new double[32];
    private double[] counts = new double[32];
    private int length;
    private int hint;

    public void Add(double bound, double count)
    {
        if (hint >= length || bounds[hint] > bound)
        {
            hint = 0;
        }
        while (hint < length && bounds[hint] < bound)
        {
            hint++;
        }
        if (hint < length && bounds[hint].Equals(bound))
        {
            counts[hint] += count;
            return;
        }
        if (length == bounds.Length)
        {
            Array.Resize(ref bounds, length * 2);
            Array.Resize(ref counts, length * 2);
        }
        Array.Copy(bounds, hint, bounds, hint + 1, length - hint);
        Array.Copy(counts, hint, counts, hint + 1, length - hint);
        bounds[hint] = bound;
        counts[hint] = count;
        length++;
    }

    public double Quantile(double q) => PromFunctions.HistogramQuantileOfSorted(q, bounds.AsSpan(0, length), counts.AsSpan(0, length));
}
