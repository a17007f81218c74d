using Kubemate.Telemetry;
using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Scale;

/// <summary>Counts the queries a request issues; each would be one Prometheus HTTP query with the Prometheus backend.</summary>
internal sealed class CountingBackend(ITelemetryBackend inner) : ITelemetryBackend
{
    private int count;

    public int Count => count;

    public string Description => inner.Description;

    public void Reset() => Interlocked.Exchange(ref count, 0);

    public Task<TelemetryResult<IReadOnlyList<SeriesResult>>> QueryAsync(MetricQuery query, QueryTime time, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref count);
        return inner.QueryAsync(query, time, cancellationToken);
    }
}
