namespace Kubemate.Telemetry.Querying;

public readonly record struct SamplePoint(DateTimeOffset Time, double Value);

/// <summary>One output series of a query: its grouping labels and one point (instant) or many (range).</summary>
public sealed record SeriesResult(LabelSet Labels, IReadOnlyList<SamplePoint> Points)
{
    public double Last => Points.Count == 0 ? double.NaN : Points[^1].Value;
}
