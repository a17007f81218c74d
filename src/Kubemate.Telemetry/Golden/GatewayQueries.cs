using System.Globalization;
using Kubemate.Model.Edge;
using Kubemate.Telemetry.Inventory;
using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Golden;

/// <summary>
/// Edges from the edge gateway to its backends, read from its own metrics (two queries, names from
/// <see cref="GatewayConventions"/>): requests by (namespace, service, code) — code &lt; 500 is a success — and the
/// p99 of the request duration in seconds by (namespace, service), in ms. The series' <c>namespace</c> is the
/// Traefik pod's; the <c>service</c> label names the backend Service, which the inventory maps to its workload.
/// Series are read for all namespaces (there are few); callers keep the edges touching the namespaces they show.
/// </summary>
internal sealed class GatewayQueries
{
    private readonly TelemetryWindow window;
    private readonly GatewayConventions conventions;
    private readonly int responses;
    private readonly int p99;

    public GatewayQueries(QueryBatch batch, GatewayConventions conventions, TelemetryWindow window, CancellationToken cancellationToken)
    {
        this.window = window;
        this.conventions = conventions;
        responses = batch.Add(new MetricQuery(conventions.RequestsMetric, QueryFunctionKind.Increase, window.Duration, [], ["namespace", "service", "code"]), cancellationToken);
        p99 = batch.Add(new MetricQuery(conventions.DurationSecondsMetric, QueryFunctionKind.Quantile, window.Duration, [], ["namespace", "service"], 0.99), cancellationToken);
    }

    /// <summary>Gateway edges with traffic; <paramref name="seen"/> are workloads known from metrics (names and namespaces to resolve against).</summary>
    public IReadOnlyList<EdgeStat> Read(IReadOnlyList<IReadOnlyList<SeriesResult>> results, IReadOnlyList<WorkloadInfo> known, IEnumerable<WorkloadRef> seen)
    {
        var seenList = seen.ToList();
        var namespaces = known.Select(k => k.Workload.Namespace).Concat(seenList.Select(s => s.Namespace)).Distinct().ToList();
        var tallies = new Dictionary<(string Gateway, string Service), (double Successes, double Failures)>();
        foreach (var series in results[responses])
        {
            if (double.IsNaN(series.Last))
            {
                continue;
            }
            var key = (series.Labels["namespace"], series.Labels["service"]);
            var current = tallies.GetValueOrDefault(key);
            tallies[key] = IsFailure(series.Labels["code"]) ? (current.Successes, current.Failures + series.Last) : (current.Successes + series.Last, current.Failures);
        }
        var latency = ResponseTally.Values(results[p99], labels => (labels["namespace"], labels["service"]));
        var edges = new Dictionary<EdgeKey, (double Successes, double Failures, double? P99)>();
        foreach (var ((gatewayNamespace, service), tally) in tallies)
        {
            if (tally.Successes + tally.Failures <= 0 || TraefikService.Parse(service, namespaces, conventions.ServiceProviders) is not { } target)
            {
                continue;
            }
            var key = new EdgeKey(GatewayIn(gatewayNamespace, known, conventions), BackendOf(target.Namespace, target.Service, known, seenList));
            var current = edges.GetValueOrDefault(key);
            double? ms = latency.TryGetValue((gatewayNamespace, service), out var seconds) ? seconds * 1000 : null;
            edges[key] = (current.Successes + tally.Successes, current.Failures + tally.Failures, Max(current.P99, ms));
        }
        return edges.Select(e => new EdgeStat(e.Key.Source, e.Key.Destination,
            GoldenMetrics.From(e.Value.Successes, e.Value.Failures, window.Duration, p99: e.Value.P99), 0, FromGateway: true)).ToList();
    }

    /// <summary>The gateway workload of a namespace: the inventory's gateway workload there, else the gateway's usual Deployment.</summary>
    internal static WorkloadRef GatewayIn(string ns, IReadOnlyList<WorkloadInfo> known, GatewayConventions conventions) =>
        known.Where(k => k.IsGateway && k.Workload.Namespace == ns).Select(k => k.Workload).OrderBy(w => w.Id, StringComparer.Ordinal).FirstOrDefault()
        ?? new WorkloadRef(ns, "deployment", conventions.Workload);

    /// <summary>The workload behind a Service: the one its selector picks, else a workload of the same name, else the Service itself.</summary>
    internal static WorkloadRef BackendOf(string ns, string service, IReadOnlyList<WorkloadInfo> known, IReadOnlyList<WorkloadRef> seen) =>
        known.Where(k => k.Workload.Namespace == ns && k.SelectedBy.Contains(service)).Select(k => k.Workload).OrderBy(w => w.Id, StringComparer.Ordinal).FirstOrDefault()
        ?? known.Select(k => k.Workload).Concat(seen).FirstOrDefault(w => w.Namespace == ns && w.Name == service)
        ?? new WorkloadRef(ns, "service", service);

    private static bool IsFailure(string code) => int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status >= 500;

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
