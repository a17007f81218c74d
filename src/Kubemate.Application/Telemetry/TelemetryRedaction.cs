using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Topology;

namespace Kubemate.Application.Telemetry;

/// <summary>
/// Restricts telemetry answers to a <see cref="TelemetryScope"/>: workloads outside it are left out; an edge with one
/// end outside keeps its visible end and shows the other as the node <c>hidden</c> (kind hidden, no namespace, no
/// name), edges merging when several hidden peers meet the same visible workload; an edge with both ends outside is
/// dropped. Merged edges add their responses and rates, weight success rate and mTLS by traffic, and keep the worst
/// latency and health.
/// </summary>
public static class TelemetryRedaction
{
    public static IReadOnlyList<WorkloadStat> Workloads(IReadOnlyList<WorkloadStat> rows, TelemetryScope scope) =>
        scope.IsRestricted ? rows.Where(r => scope.Allows(r.Workload.Namespace)).ToList() : rows;

    public static IReadOnlyList<EdgeStat> Edges(IReadOnlyList<EdgeStat> edges, TelemetryScope scope)
    {
        if (!scope.IsRestricted)
        {
            return edges;
        }
        return edges.Select(e => e with { Source = Visible(e.Source, scope), Destination = Visible(e.Destination, scope) })
            .Where(e => e.Source != WorkloadRef.Hidden || e.Destination != WorkloadRef.Hidden)
            .GroupBy(e => (e.Source, e.Destination))
            .Select(g => g.Count() == 1 ? g.First() : Merge(g.ToList()))
            .OrderBy(e => e.Source.Id, StringComparer.Ordinal).ThenBy(e => e.Destination.Id, StringComparer.Ordinal)
            .ToList();
    }

    public static WorkloadDetail Detail(WorkloadDetail detail, TelemetryScope scope) =>
        scope.IsRestricted ? detail with { Inbound = Edges(detail.Inbound, scope), Outbound = Edges(detail.Outbound, scope) } : detail;

    public static TopologyGraph Topology(TopologyGraph graph, TelemetryScope scope)
    {
        if (!scope.IsRestricted)
        {
            return graph;
        }
        var visible = graph.Nodes.Where(n => scope.Allows(n.Namespace)).ToDictionary(n => n.Id);
        string End(string id) => visible.ContainsKey(id) ? id : WorkloadRef.Hidden.Id;
        var edges = graph.Edges.Select(e => e with { Source = End(e.Source), Target = End(e.Target) })
            .Where(e => e.Source != WorkloadRef.Hidden.Id || e.Target != WorkloadRef.Hidden.Id)
            .GroupBy(e => (e.Source, e.Target))
            .Select(g => g.Count() == 1 ? g.First() : Merge(g.ToList()))
            .ToList();
        var nodes = visible.Values.ToList();
        if (edges.Any(e => e.Source == WorkloadRef.Hidden.Id || e.Target == WorkloadRef.Hidden.Id))
        {
            nodes.Add(new TopologyNode(WorkloadRef.Hidden.Id, "", "", "hidden", "hidden", false, false, HealthClass.NoTraffic, GoldenMetrics.None));
        }
        return graph with
        {
            Namespaces = graph.Namespaces.Where(scope.Allows).ToList(),
            Nodes = nodes.OrderBy(n => n.Id, StringComparer.Ordinal).ToList(),
            Edges = edges,
        };
    }

    private static WorkloadRef Visible(WorkloadRef workload, TelemetryScope scope) =>
        workload == WorkloadRef.Unmeshed || scope.Allows(workload.Namespace) ? workload : WorkloadRef.Hidden;

    private static EdgeStat Merge(IReadOnlyList<EdgeStat> edges)
    {
        var metrics = edges.Select(e => e.Metrics).ToList();
        var successes = metrics.Sum(m => m.Successes);
        var failures = metrics.Sum(m => m.Failures);
        var responses = successes + failures;
        var secured = edges.Sum(e => e.MtlsRatio * e.Metrics.Responses);
        return new EdgeStat(edges[0].Source, edges[0].Destination,
            new GoldenMetrics(successes, failures, responses > 0 ? successes / responses : null, metrics.Sum(m => m.Rps),
                Worst(metrics.Select(m => m.LatencyP50Ms)), Worst(metrics.Select(m => m.LatencyP95Ms)), Worst(metrics.Select(m => m.LatencyP99Ms))),
            responses > 0 ? secured / responses : 0, edges.All(e => e.FromGateway));
    }

    private static TopologyEdge Merge(IReadOnlyList<TopologyEdge> edges)
    {
        var rps = edges.Sum(e => e.Rps);
        var rated = edges.Where(e => e.SuccessRate is not null && e.Rps > 0).ToList();
        double? successRate = rated.Count > 0 ? rated.Sum(e => e.SuccessRate!.Value * e.Rps) / rated.Sum(e => e.Rps) : null;
        return new TopologyEdge(edges[0].Source, edges[0].Target, rps, successRate, Worst(edges.Select(e => e.LatencyP99Ms)),
            edges.All(e => e.Mtls), edges.Max(e => e.Health));
    }

    private static double? Worst(IEnumerable<double?> values) => values.Where(v => v is not null).Max();
}
