using Kubemate.Telemetry.Inventory;
using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Golden;

/// <summary>
/// The queries behind edges: callers' outbound responses and latency by (source, destination), and destinations'
/// inbound responses without mesh identity (the unmeshed callers). With namespaces chosen, outbound is read twice —
/// sources in them, and destinations in them from elsewhere — so the count stays constant. The edge gateway's edges
/// come from its own metrics (<see cref="GatewayQueries"/>, two more queries).
/// </summary>
internal sealed class EdgeQueries
{
    private readonly TelemetryWindow window;
    private readonly double[] quantiles;
    private readonly List<int> responses = [];
    private readonly Dictionary<double, List<int>> latency = [];
    private readonly int unmeshed;
    private readonly int unmeshedP99 = -1;
    private readonly IReadOnlyCollection<string>? namespaces;
    private readonly GatewayQueries gateway;

    /// <summary>
    /// Unidentified inbound traffic left after taking away what the gateway's edge explains is shown as a separate
    /// unmeshed edge only above this share of it: the two come from different scrape targets, so a few percent of
    /// difference is sampling, not another caller.
    /// </summary>
    internal const double UnexplainedShare = 0.10;

    public EdgeQueries(QueryBatch batch, IReadOnlyCollection<string>? namespaces, TelemetryWindow window, double[] quantiles, CancellationToken cancellationToken)
    {
        this.window = window;
        this.quantiles = quantiles;
        this.namespaces = namespaces;
        var pairLabels = LinkerdLabels.WorkloadLabels.Concat(LinkerdLabels.DestinationLabels).ToList();
        var scopes = new List<IReadOnlyList<LabelMatcher>>();
        if (namespaces is { Count: > 0 })
        {
            scopes.Add([Queries.Outbound, .. Queries.InNamespaces(namespaces)]);
            scopes.Add([Queries.Outbound, .. Queries.InNamespaces(namespaces, "dst_namespace"), .. Queries.NotInNamespaces(namespaces)]);
        }
        else
        {
            scopes.Add([Queries.Outbound]);
        }
        foreach (var scope in scopes)
        {
            responses.Add(batch.Add(Queries.Increase(window, scope, [.. pairLabels, "tls"]), cancellationToken));
            foreach (var q in quantiles)
            {
                if (!latency.TryGetValue(q, out var list))
                {
                    latency[q] = list = [];
                }
                list.Add(batch.Add(Queries.Quantile(q, window, scope, pairLabels), cancellationToken));
            }
        }
        IReadOnlyList<LabelMatcher> withoutIdentity = [Queries.Inbound, Queries.WithoutIdentity, .. Queries.InNamespaces(namespaces)];
        unmeshed = batch.Add(Queries.Increase(window, withoutIdentity, LinkerdLabels.WorkloadLabels), cancellationToken);
        if (quantiles.Contains(0.99))
        {
            unmeshedP99 = batch.Add(Queries.Quantile(0.99, window, withoutIdentity, LinkerdLabels.WorkloadLabels), cancellationToken);
        }
        gateway = new GatewayQueries(batch, window, cancellationToken);
    }

    public IReadOnlyList<EdgeStat> Read(IReadOnlyList<IReadOnlyList<SeriesResult>> results, IReadOnlyList<WorkloadInfo> known)
    {
        static EdgeKey? Pair(LabelSet labels) =>
            LinkerdLabels.Workload(labels) is { } source && LinkerdLabels.Destination(labels) is { } destination ? new EdgeKey(source, destination) : null;
        var tallies = ResponseTally.By(responses.SelectMany(i => results[i]), Pair);
        var byQuantile = quantiles.ToDictionary(q => q, q => ResponseTally.Values(latency[q].SelectMany(i => results[i]), Pair));
        var edges = tallies.Select(t => new EdgeStat(t.Key.Source, t.Key.Destination, GoldenMetrics.From(t.Value.Successes, t.Value.Failures, window.Duration,
            Quantile(byQuantile, 0.5, t.Key), Quantile(byQuantile, 0.95, t.Key), Quantile(byQuantile, 0.99, t.Key)), t.Value.MtlsRatio)).ToList();
        var unmeshedTallies = ResponseTally.By(results[unmeshed], LinkerdLabels.Workload);
        var meshEdges = edges.Select(e => new EdgeKey(e.Source, e.Destination)).ToHashSet();
        // A meshed gateway already shows its calls through its proxy; its own metrics only add the unmeshed case.
        var gatewayEdges = gateway.Read(results, known, edges.SelectMany(e => new[] { e.Source, e.Destination }).Concat(unmeshedTallies.Keys))
            .Where(e => !meshEdges.Contains(new EdgeKey(e.Source, e.Destination)) && Touches(e))
            .ToList();
        edges.AddRange(gatewayEdges);
        var explained = gatewayEdges.GroupBy(e => e.Destination)
            .ToDictionary(g => g.Key, g => (Successes: g.Sum(e => e.Metrics.Successes), Failures: g.Sum(e => e.Metrics.Failures)));
        var unmeshedP99s = unmeshedP99 >= 0 ? ResponseTally.Values(results[unmeshedP99], LinkerdLabels.Workload) : [];
        foreach (var (destination, tally) in unmeshedTallies)
        {
            var (successes, failures) = (tally.Successes, tally.Failures);
            if (explained.TryGetValue(destination, out var byGateway))
            {
                (successes, failures) = (Math.Max(0, successes - byGateway.Successes), Math.Max(0, failures - byGateway.Failures));
                if (successes + failures <= UnexplainedShare * tally.Responses)
                {
                    continue;
                }
            }
            if (successes + failures > 0)
            {
                var p99 = unmeshedP99s.TryGetValue(destination, out var value) ? value : (double?)null;
                edges.Add(new EdgeStat(WorkloadRef.Unmeshed, destination, GoldenMetrics.From(successes, failures, window.Duration, p99: p99), 0));
            }
        }
        return edges.OrderBy(e => e.Source.Id, StringComparer.Ordinal).ThenBy(e => e.Destination.Id, StringComparer.Ordinal).ToList();
    }

    private bool Touches(EdgeStat edge) =>
        namespaces is not { Count: > 0 } || namespaces.Contains(edge.Source.Namespace) || namespaces.Contains(edge.Destination.Namespace);

    /// <summary>Edges from tallies keyed by one peer (the other is fixed), for the workload page.</summary>
    public static List<EdgeStat> Edges(Dictionary<WorkloadRef, ResponseTally> tallies, Dictionary<WorkloadRef, double> p99, Func<WorkloadRef, WorkloadRef> sourceOf,
        Func<WorkloadRef, WorkloadRef> destinationOf, TelemetryWindow window) =>
        tallies.Select(t => new EdgeStat(sourceOf(t.Key), destinationOf(t.Key),
                GoldenMetrics.From(t.Value.Successes, t.Value.Failures, window.Duration, p99: p99.TryGetValue(t.Key, out var value) ? value : null), t.Value.MtlsRatio))
            .OrderBy(e => e.Source.Id, StringComparer.Ordinal).ThenBy(e => e.Destination.Id, StringComparer.Ordinal).ToList();

    private static double? Quantile(Dictionary<double, Dictionary<EdgeKey, double>> values, double q, EdgeKey key) =>
        values.TryGetValue(q, out var byKey) && byKey.TryGetValue(key, out var value) ? value : null;
}

internal sealed record EdgeKey(WorkloadRef Source, WorkloadRef Destination);
