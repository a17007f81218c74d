using System.Collections.Concurrent;
using Kubemate.Telemetry;
using Kubemate.Telemetry.Prometheus;
using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Scale;

/// <summary>
/// Answers each query (by its PromQL and time) with the result recorded on first use, so a timed run measures only
/// Kubemate's side of a topology request — merging, health, graph — as with a Prometheus that answers instantly.
/// </summary>
internal sealed class ReplayBackend(ITelemetryBackend recordFrom) : ITelemetryBackend
{
    private ITelemetryBackend? source = recordFrom;

    private readonly ConcurrentDictionary<string, TelemetryResult<IReadOnlyList<SeriesResult>>> recorded = new();

    public string Description => "replay";

    /// <summary>Stops recording and lets go of the source, so its memory does not weigh on the timed runs.</summary>
    public void Freeze() => source = null;

    public async Task<TelemetryResult<IReadOnlyList<SeriesResult>>> QueryAsync(MetricQuery query, QueryTime time, CancellationToken cancellationToken)
    {
        var key = $"{PromQl.Translate(query)}@{time}";
        if (recorded.TryGetValue(key, out var result))
        {
            return result;
        }
        result = source is null
            ? TelemetryResult<IReadOnlyList<SeriesResult>>.Fail(UnavailableReason.NoData, "not recorded")
            : await source.QueryAsync(query, time, cancellationToken);
        recorded[key] = result;
        return result;
    }
}
