namespace Kubemate.Sandbox.Scale;

/// <summary>Order statistics of a set of samples (milliseconds), nearest-rank percentiles.</summary>
public sealed class Distribution
{
    private readonly double[] _sorted;

    public Distribution(IEnumerable<double> samples)
    {
        _sorted = samples.Order().ToArray();
    }

    public int Count => _sorted.Length;
    public double Min => Percentile(0);
    public double P50 => Percentile(50);
    public double P95 => Percentile(95);
    public double P99 => Percentile(99);
    public double Max => Percentile(100);

    /// <exception cref="InvalidOperationException">there are no samples.</exception>
    public double Percentile(double percent)
    {
        if (_sorted.Length == 0)
        {
            throw new InvalidOperationException("no samples");
        }
        var rank = (int)Math.Ceiling(percent / 100 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }

    public override string ToString() =>
        Count == 0 ? "no samples" : $"n={Count} min={Ms(Min)} p50={Ms(P50)} p95={Ms(P95)} p99={Ms(P99)} max={Ms(Max)}";

    public static string Ms(double milliseconds) =>
        milliseconds >= 1000 ? $"{milliseconds / 1000:0.00} s" : $"{milliseconds:0.0} ms";
}
