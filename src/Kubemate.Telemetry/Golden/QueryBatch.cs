using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Golden;

/// <summary>Runs several queries concurrently and combines their outcomes: any unavailable makes all unavailable; warnings add up.</summary>
internal sealed class QueryBatch(ITelemetryBackend backend, QueryTime time)
{
    private readonly List<Task<TelemetryResult<IReadOnlyList<SeriesResult>>>> pending = [];

    public int Count => pending.Count;

    /// <summary>Queues a query; the index reads its result after <see cref="RunAsync"/>.</summary>
    public int Add(MetricQuery query, CancellationToken cancellationToken)
    {
        pending.Add(backend.QueryAsync(query, time, cancellationToken));
        return pending.Count - 1;
    }

    /// <summary>Queues the p50, p95 and p99 latency of one selection.</summary>
    public (int P50, int P95, int P99) AddLatency(MeshSeries mesh, TelemetryWindow window, IReadOnlyList<LabelMatcher> matchers, IEnumerable<string> groupBy, CancellationToken cancellationToken) =>
        (Add(mesh.Quantile(0.5, window, matchers, groupBy), cancellationToken),
         Add(mesh.Quantile(0.95, window, matchers, groupBy), cancellationToken),
         Add(mesh.Quantile(0.99, window, matchers, groupBy), cancellationToken));

    public async Task<TelemetryResult<IReadOnlyList<IReadOnlyList<SeriesResult>>>> RunAsync()
    {
        var results = await Task.WhenAll(pending).ConfigureAwait(false);
        var failed = results.FirstOrDefault(r => !r.HasValue);
        if (failed is not null)
        {
            return TelemetryResult<IReadOnlyList<IReadOnlyList<SeriesResult>>>.Fail(failed.Unavailable!);
        }
        return TelemetryResult<IReadOnlyList<IReadOnlyList<SeriesResult>>>.WithWarnings(
            results.Select(r => r.Value!).ToList(), results.SelectMany(r => r.Warnings).Distinct().ToList());
    }
}
