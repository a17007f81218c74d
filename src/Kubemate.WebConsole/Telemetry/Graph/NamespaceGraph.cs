using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Topology;

namespace Kubemate.WebConsole.Telemetry.Graph;

/// <summary>
/// The topology one level up, for estates too big to draw workload by workload: one node per namespace and one edge per
/// pair of namespaces that call each other. Unmeshed callers stay one node of their own.
/// </summary>
/// <param name="WorkloadCounts">How many workloads each namespace node stands for, by node id.</param>
public sealed record NamespaceGraph(IReadOnlyList<TopologyNode> Nodes, IReadOnlyList<TopologyEdge> Edges, IReadOnlyDictionary<string, int> WorkloadCounts)
{
    public const string Kind = "namespace";
    private const string IdPrefix = "namespace:";

    public static string NodeIdOf(string ns) => IdPrefix + ns;

    /// <summary>
    /// Namespace node: health the worst of its workloads; meshed when all of them are; entry when one is; inbound the
    /// calls from other namespaces and unmeshed callers plus what its entry workloads receive from outside (rps summed,
    /// success weighted by rps, p99 the highest, an upper bound). Edge: calls between two namespaces, rps summed,
    /// success weighted by rps, p99 the highest of the calls (an upper bound, not a quantile of the sum), mTLS only when
    /// every call had it, health the worst. Calls inside a namespace are not drawn. Linear in nodes and edges.
    /// </summary>
    public static NamespaceGraph From(IReadOnlyList<TopologyNode> nodes, IReadOnlyList<TopologyEdge> edges, TelemetryWindow window)
    {
        var groupOf = new Dictionary<string, string>(nodes.Count, StringComparer.Ordinal);
        var members = new Dictionary<string, List<TopologyNode>>(StringComparer.Ordinal);
        var unmeshed = new List<TopologyNode>();
        foreach (var node in nodes)
        {
            if (node.Namespace.Length == 0)
            {
                groupOf[node.Id] = node.Id;
                unmeshed.Add(node);
                continue;
            }
            var id = NodeIdOf(node.Namespace);
            groupOf[node.Id] = id;
            if (!members.TryGetValue(id, out var list))
            {
                members[id] = list = [];
            }
            list.Add(node);
        }
        var inbound = members.Keys.ToDictionary(id => id, _ => new Tally(), StringComparer.Ordinal);
        var between = new Dictionary<(string Source, string Target), Tally>();
        foreach (var edge in edges)
        {
            if (!groupOf.TryGetValue(edge.Source, out var source) || !groupOf.TryGetValue(edge.Target, out var target) || source == target)
            {
                continue;
            }
            if (!between.TryGetValue((source, target), out var tally))
            {
                between[(source, target)] = tally = new Tally();
            }
            tally.Add(edge.Rps, edge.SuccessRate, edge.LatencyP99Ms, edge.Mtls, edge.Health);
            inbound.GetValueOrDefault(target)?.Add(edge.Rps, edge.SuccessRate, edge.LatencyP99Ms, edge.Mtls, edge.Health);
        }
        var namespaceNodes = members.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m =>
        {
            var workloads = m.Value;
            var calls = inbound[m.Key];
            foreach (var entry in workloads.Where(w => w.Entry))
            {
                calls.Add(entry.Inbound.Rps, entry.Inbound.SuccessRate, entry.Inbound.LatencyP99Ms, true, entry.Health);
            }
            return new TopologyNode(m.Key, workloads[0].Namespace, workloads[0].Namespace, Kind, Kind, workloads.TrueForAll(w => w.Meshed),
                workloads.Exists(w => w.Entry), workloads.Max(w => w.Health), calls.Metrics(window));
        });
        var namespaceEdges = between.OrderBy(b => b.Key.Source, StringComparer.Ordinal).ThenBy(b => b.Key.Target, StringComparer.Ordinal)
            .Select(b => new TopologyEdge(b.Key.Source, b.Key.Target, b.Value.Rps, b.Value.SuccessRate, b.Value.MaxP99, b.Value.AllMtls, b.Value.WorstHealth));
        return new NamespaceGraph(
            [.. unmeshed, .. namespaceNodes],
            namespaceEdges.ToList(),
            members.ToDictionary(m => m.Key, m => m.Value.Count, StringComparer.Ordinal));
    }

    /// <summary>The namespace a namespace node's id stands for; any other id as it is.</summary>
    public static string NameOf(string id) => id.StartsWith(IdPrefix, StringComparison.Ordinal) ? id[IdPrefix.Length..] : id;

    private sealed class Tally
    {
        private double _rated;
        private double _successes;

        public double Rps { get; private set; }
        public double? MaxP99 { get; private set; }
        public bool AllMtls { get; private set; } = true;
        public HealthClass WorstHealth { get; private set; } = HealthClass.NoTraffic;

        public double? SuccessRate => _rated > 0 ? _successes / _rated : null;

        public void Add(double rps, double? successRate, double? p99, bool mtls, HealthClass health)
        {
            Rps += rps;
            if (successRate is { } rate)
            {
                _rated += rps;
                _successes += rps * rate;
            }
            if (p99 is { } value && !double.IsNaN(value))
            {
                MaxP99 = Math.Max(MaxP99 ?? value, value);
            }
            AllMtls &= mtls;
            WorstHealth = health > WorstHealth ? health : WorstHealth;
        }

        public GoldenMetrics Metrics(TelemetryWindow window)
        {
            var seconds = window.Duration.TotalSeconds;
            return new GoldenMetrics(_successes * seconds, (_rated - _successes) * seconds, SuccessRate, Rps, null, null, MaxP99);
        }
    }
}
