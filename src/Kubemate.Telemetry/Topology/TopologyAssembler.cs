using Kubemate.Model.Edge;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Inventory;

namespace Kubemate.Telemetry.Topology;

/// <summary>Puts workloads (from the cluster and from metrics) and edges together into the graph.</summary>
internal static class TopologyAssembler
{
    /// <param name="known">The workloads of the chosen namespaces (listed as nodes even when idle).</param>
    /// <param name="all">Every workload the cluster knows, to describe edge ends outside the chosen namespaces.</param>
    public static TopologyGraph Build(TelemetryWindow window, IReadOnlyCollection<string> namespaces, IReadOnlyList<WorkloadInfo> known, IReadOnlyList<WorkloadInfo> all,
        Dictionary<WorkloadRef, ResponseTally> inbound, Dictionary<WorkloadRef, double> inboundP99, IReadOnlyList<EdgeStat> edges,
        HealthThresholds health, GatewayConventions gatewayConventions, int queries)
    {
        var info = all.Concat(known).DistinctBy(k => k.Workload).ToDictionary(k => k.Workload);
        var reporting = inbound.Keys.Concat(edges.Where(e => e.Source != WorkloadRef.Unmeshed && !e.FromGateway).Select(e => e.Source)).ToHashSet();
        var gateways = edges.Where(e => e.FromGateway).Select(e => e.Source).ToHashSet();
        var workloads = known.Select(k => k.Workload)
            .Concat(inbound.Keys)
            .Concat(edges.SelectMany(e => new[] { e.Source, e.Destination }))
            .Distinct()
            .ToList();
        var nodes = workloads.Select(workload =>
        {
            if (workload == WorkloadRef.Unmeshed)
            {
                return new TopologyNode(workload.Id, "", "unmeshed", "unmeshed", "unmeshed", false, true, HealthClass.NoTraffic, GoldenMetrics.None);
            }
            var tally = inbound.GetValueOrDefault(workload);
            var metrics = GoldenMetrics.From(tally?.Successes ?? 0, tally?.Failures ?? 0, window.Duration,
                p99: inboundP99.TryGetValue(workload, out var p99) ? p99 : null);
            var described = info.GetValueOrDefault(workload);
            var gateway = gateways.Contains(workload) || (described?.IsGateway ?? workload.Name == gatewayConventions.Workload);
            var meshed = described?.Meshed ?? reporting.Contains(workload);
            return new TopologyNode(workload.Id, workload.Namespace, workload.Name, gateway ? "gateway" : workload.Kind, workload.Kind, meshed, gateway,
                health.Classify(metrics.Responses, metrics.Failures), metrics);
        }).OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
        var links = edges.Select(e => new TopologyEdge(e.Source.Id, e.Destination.Id, e.Metrics.Rps, e.Metrics.SuccessRate, e.Metrics.LatencyP99Ms,
            e.Secured, health.Classify(e.Metrics.Responses, e.Metrics.Failures))).ToList();
        return new TopologyGraph(window, namespaces.ToList(), nodes, links, queries);
    }
}
