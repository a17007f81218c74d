using System.Collections.Concurrent;
using System.Diagnostics;
using Kubemate.Telemetry;
using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Scale;

/// <summary>
/// Counts the queries a request issues (each would be one Prometheus HTTP query with the Prometheus backend) and
/// times each one, so the slowest query of a request can be named.
/// </summary>
internal sealed class CountingBackend(ITelemetryBackend inner) : ITelemetryBackend
{
    private int count;
    private readonly ConcurrentQueue<(MetricQuery Query, QueryTime Time, double Milliseconds, int Series)> timings = new();

    public int Count => count;

    public string Description => inner.Description;

    /// <summary>The queries since the last <see cref="Reset"/>, with their evaluation time and result size.</summary>
    public IReadOnlyList<(MetricQuery Query, QueryTime Time, double Milliseconds, int Series)> Timings => timings.ToList();

    public void Reset()
    {
        Interlocked.Exchange(ref count, 0);
        timings.Clear();
    }

    public async Task<TelemetryResult<IReadOnlyList<SeriesResult>>> QueryAsync(MetricQuery query, QueryTime time, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref count);
        var watch = Stopwatch.StartNew();
        var result = await inner.QueryAsync(query, time, cancellationToken);
        timings.Enqueue((query, time, watch.Elapsed.TotalMilliseconds, result.Value?.Count ?? 0));
        return result;
    }
}
