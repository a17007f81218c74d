using System.Globalization;
using System.Text;

namespace Kubemate.Sandbox.Simulation.Traffic;

public enum MetricType
{
    Counter,
    Gauge,
    Histogram,
}

/// <summary>
/// One metric family of one simulated process: its series by label text (already formatted as
/// <c>name="value",…</c>, in the order the real process prints them), written in the Prometheus text format.
/// </summary>
public sealed class MetricFamily(string name, MetricType type, string help, IReadOnlyList<double>? bounds = null)
{
    private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);

    public string Name { get; } = name;
    public MetricType Type { get; } = type;
    public IReadOnlyList<double> Bounds { get; } = bounds ?? [];
    public string Help { get; } = help;

    public void Add(string labels, double value) => SeriesFor(labels).Value += value;

    public void Set(string labels, double value) => SeriesFor(labels).Value = value;

    public void Observe(string labels, double value, long count = 1)
    {
        var series = SeriesFor(labels);
        series.Count += count;
        series.Sum += value * count;
        for (var i = 0; i < Bounds.Count; i++)
        {
            if (value <= Bounds[i])
            {
                series.Buckets![i] += count;
                return;
            }
        }
    }

    public void WriteTo(StringBuilder text)
    {
        if (_series.Count == 0)
        {
            return;
        }
        text.Append("# HELP ").Append(Name).Append(' ').Append(Help).Append('\n');
        text.Append("# TYPE ").Append(Name).Append(' ').Append(Type.ToString().ToLowerInvariant()).Append('\n');
        foreach (var (labels, series) in _series.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (Type != MetricType.Histogram)
            {
                Line(text, Name, labels, series.Value);
                continue;
            }
            long cumulative = 0;
            for (var i = 0; i < Bounds.Count; i++)
            {
                cumulative += series.Buckets![i];
                Line(text, Name + "_bucket", LabelText.Join(labels, "le=\"" + Number(Bounds[i]) + "\""), cumulative);
            }
            Line(text, Name + "_bucket", LabelText.Join(labels, "le=\"+Inf\""), series.Count);
            Line(text, Name + "_sum", labels, series.Sum);
            Line(text, Name + "_count", labels, series.Count);
        }
    }

    public static string Number(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf" : value.ToString("R", CultureInfo.InvariantCulture);

    private Series SeriesFor(string labels)
    {
        if (!_series.TryGetValue(labels, out var series))
        {
            series = new Series { Buckets = Type == MetricType.Histogram ? new long[Bounds.Count] : null };
            _series[labels] = series;
        }
        return series;
    }

    private static void Line(StringBuilder text, string name, string labels, double value)
    {
        text.Append(name);
        if (labels.Length > 0)
        {
            text.Append('{').Append(labels).Append('}');
        }
        text.Append(' ').Append(Number(value)).Append('\n');
    }

    private sealed class Series
    {
        public double Value;
        public long[]? Buckets;
        public double Sum;
        public long Count;
    }
}
