namespace Kubemate.Telemetry.Querying;

/// <summary>A source of metrics: Prometheus (or Thanos Query) over HTTP, or the embedded store.</summary>
public interface ITelemetryBackend
{
    /// <summary>A short name for diagnostics ("prometheus http://…", "embedded").</summary>
    string Description { get; }

    /// <summary>Evaluates one query. Never throws for backend trouble: that is an unavailable or partial result.</summary>
    Task<TelemetryResult<IReadOnlyList<SeriesResult>>> QueryAsync(MetricQuery query, QueryTime time, CancellationToken cancellationToken);
}
