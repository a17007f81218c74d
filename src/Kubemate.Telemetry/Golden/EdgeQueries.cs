using Kubemate.Model.Edge;
using Kubemate.Telemetry.Inventory;
using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Golden;

/// <summary>
/// The queries behind edges: callers' client-side responses and latency by (source, destination), and destinations'
/// server-side responses without mesh identity (the unmeshed callers), in the words of the mesh's vocabulary. With
/// namespaces chosen, the client side is read twice — sources in them, and destinations in them from elsewhere — so
/// the count stays constant. The edge gateway's edges
/// come from its own metrics (<see cref="GatewayQueries"/>, two more queries).
/// </summary>
internal sealed class EdgeQueries
{
    private readonly TelemetryWindow window;
    private readonly double[] quantiles;
    private readonly List<int> responses = [];
    private readonly Dictionary<double, List<int>> latency = [];
    private readonly int unmeshed = -1;
    private readonly int unmeshedP99 = -1;
    private readonly IReadOnlyCollection<string>? namespaces;
    private readonly GatewayQueries gateway;
    private readonly MeshSeries mesh;

    /// <summary>
    /// Unidentified inbound traffic left after taking away what the gateway's edge explains is shown as a separate
    /// unmeshed edge only above this share of it: the two come from different scrape targets, so a few percent of
    /// difference is sampling, not another caller.
    /// </summary>
    internal const double UnexplainedShare = 0.10;

    public EdgeQueries(QueryBatch batch, MeshSeries mesh, GatewayConventions gatewayConventions, IReadOnlyCollection<string>? namespaces, TelemetryWindow window,
        double[] quantiles, CancellationToken cancellationToken)
    {
        this.mesh = mesh;
        this.window = window;
        this.quantiles = quantiles;
        this.namespaces = namespaces;
        var pairLabels = mesh.ClientLabels.Concat(mesh.PeerLabels).Distinct().ToList();
        var clientNamespace = mesh.Vocabulary.ClientWorkload.NamespaceLabel;
        var scopes = new List<IReadOnlyList<LabelMatcher>>();
        if (namespaces is { Count: > 0 })
        {
            scopes.Add([mesh.ClientSide, .. Queries.InNamespaces(namespaces, clientNamespace)]);
            scopes.Add([mesh.ClientSide, .. Queries.InNamespaces(namespaces, mesh.Vocabulary.ClientPeer.NamespaceLabel), .. Queries.NotInNamespaces(namespaces, clientNamespace)]);
        }
        else
        {
            scopes.Add([mesh.ClientSide]);
        }
        foreach (var scope in scopes)
        {
            responses.Add(batch.Add(mesh.Increase(window, scope, pairLabels), cancellationToken));
            foreach (var q in quantiles)
            {
                if (!latency.TryGetValue(q, out var list))
                {
                    latency[q] = list = [];
                }
                list.Add(batch.Add(mesh.Quantile(q, window, scope, pairLabels), cancellationToken));
            }
        }
        if (mesh.WithoutIdentity is { } noIdentity)
        {
            IReadOnlyList<LabelMatcher> withoutIdentity = [mesh.ServerSide, noIdentity, .. Queries.InNamespaces(namespaces, mesh.Vocabulary.ServerWorkload.NamespaceLabel)];
            unmeshed = batch.Add(mesh.Increase(window, withoutIdentity, mesh.ServerLabels), cancellationToken);
            if (quantiles.Contains(0.99))
            {
                unmeshedP99 = batch.Add(mesh.Quantile(0.99, window, withoutIdentity, mesh.ServerLabels), cancellationToken);
            }
        }
        gateway = new GatewayQueries(batch, gatewayConventions, window, cancellationToken);
    }

    public IReadOnlyList<EdgeStat> Read(IReadOnlyList<IReadOnlyList<SeriesResult>> results, IReadOnlyList<WorkloadInfo> known)
    {
        var kinds = new KnownKinds(known);
        var (client, peer, server) = (mesh.Client(kinds), mesh.Peer(kinds), mesh.Server(kinds));
        EdgeKey? Pair(LabelSet labels) => client(labels) is { } source && peer(labels) is { } destination ? new EdgeKey(source, destination) : null;
        var tallies = ResponseTally.By(mesh, responses.SelectMany(i => results[i]), Pair);
        var byQuantile = quantiles.ToDictionary(q => q, q => ResponseTally.Values(latency[q].SelectMany(i => results[i]), Pair));
        var edges = tallies.Select(t => new EdgeStat(t.Key.Source, t.Key.Destination, GoldenMetrics.From(t.Value.Successes, t.Value.Failures, window.Duration,
            Quantile(byQuantile, 0.5, t.Key), Quantile(byQuantile, 0.95, t.Key), Quantile(byQuantile, 0.99, t.Key)), t.Value.MtlsRatio)).ToList();
        var unmeshedTallies = unmeshed >= 0 ? ResponseTally.By(mesh, results[unmeshed], server) : [];
        var meshEdges = edges.Select(e => new EdgeKey(e.Source, e.Destination)).ToHashSet();
        // A meshed gateway already shows its calls through its proxy; its own metrics only add the unmeshed case.
        var gatewayEdges = gateway.Read(results, known, edges.SelectMany(e => new[] { e.Source, e.Destination }).Concat(unmeshedTallies.Keys))
            .Where(e => !meshEdges.Contains(new EdgeKey(e.Source, e.Destination)) && Touches(e))
            .ToList();
        edges.AddRange(gatewayEdges);
        var explained = gatewayEdges.GroupBy(e => e.Destination)
            .ToDictionary(g => g.Key, g => (Successes: g.Sum(e => e.Metrics.Successes), Failures: g.Sum(e => e.Metrics.Failures)));
        var unmeshedP99s = unmeshedP99 >= 0 ? ResponseTally.Values(results[unmeshedP99], server) : [];
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
