namespace Kubemate.Telemetry.Querying;

/// <summary>
/// The one query primitive both backends answer: a metric, label matchers, the labels to group by, a function and a
/// window. The Prometheus backend turns it into PromQL; the embedded store evaluates it with the same semantics.
/// </summary>
public sealed record MetricQuery
{
    public MetricQuery(string metric, QueryFunctionKind function, TimeSpan window, IReadOnlyList<LabelMatcher>? matchers = null,
        IReadOnlyList<string>? groupBy = null, double quantile = 0)
    {
        if (string.IsNullOrWhiteSpace(metric))
        {
            throw new ArgumentException("metric: must not be empty", nameof(metric));
        }
        if (function != QueryFunctionKind.Latest && window <= TimeSpan.Zero)
        {
            throw new ArgumentException("window: must be positive", nameof(window));
        }
        if (function == QueryFunctionKind.Quantile && quantile is < 0 or > 1)
        {
            throw new ArgumentException("quantile: must be within [0, 1]", nameof(quantile));
        }
        Metric = metric;
        Function = function;
        Window = window;
        Matchers = matchers ?? [];
        GroupBy = groupBy ?? [];
        Quantile = quantile;
    }

    /// <summary>The series name; for <see cref="QueryFunctionKind.Quantile"/> the histogram's base name (without <c>_bucket</c>).</summary>
    public string Metric { get; }
    public QueryFunctionKind Function { get; }
    public TimeSpan Window { get; }
    public IReadOnlyList<LabelMatcher> Matchers { get; }
    public IReadOnlyList<string> GroupBy { get; }
    public double Quantile { get; }

    /// <summary>The name of the series the query reads.</summary>
    public string SeriesName => Function == QueryFunctionKind.Quantile ? Metric + "_bucket" : Metric;
}
