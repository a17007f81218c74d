using Kubemate.Telemetry.Topology;
using Kubemate.WebConsole.Telemetry;
using Kubemate.WebConsole.Telemetry.Graph;
using static Kubemate.WebConsole.Tests.Telemetry.Graphs;

namespace Kubemate.WebConsole.Tests.Telemetry;

/// <summary>Generated estates for the scale and crowding tests, and overlap checks on what was placed.</summary>
internal static class TopologyBigGraphs
{
    /// <summary>A seeded random estate: <paramref name="namespaces"/> namespaces of equal size, calls only "forward" (by index).</summary>
    public static TopologyGraph Estate(int workloads, int calls, int namespaces, int seed = 7)
    {
        var random = new Random(seed);
        var nodes = Enumerable.Range(0, workloads)
            .Select(i => Node($"ns-{i % namespaces:00}", $"workload-{i:0000}", (HealthClass)random.Next(4), meshed: random.Next(10) > 0))
            .ToList();
        var pairs = new HashSet<(int, int)>();
        while (pairs.Count < calls)
        {
            var from = random.Next(workloads - 1);
            var to = random.Next(from + 1, workloads);
            pairs.Add((from, to));
        }
        var edges = pairs.Select(p => Edge(nodes[p.Item1], nodes[p.Item2], rps: Math.Round(random.NextDouble() * 100, 2))).ToList();
        return Graph(nodes, edges);
    }

    /// <summary>The pairs of boxes that overlap (sweep over the boxes sorted by their left side).</summary>
    public static List<(Box A, Box B)> Overlapping(IEnumerable<Box> boxes)
    {
        var sorted = boxes.OrderBy(b => b.Left).ToList();
        var overlaps = new List<(Box, Box)>();
        for (var i = 0; i < sorted.Count; i++)
        {
            for (var j = i + 1; j < sorted.Count && sorted[j].Left < sorted[i].Right; j++)
            {
                if (sorted[i].Overlaps(sorted[j]))
                {
                    overlaps.Add((sorted[i], sorted[j]));
                }
            }
        }
        return overlaps;
    }

    public static TopologyScene SceneOf(IReadOnlyList<TopologyNode> nodes, IReadOnlyList<TopologyEdge> edges, IReadOnlyDictionary<string, NodePosition> positions) =>
        TopologyScene.Build(nodes, edges, positions, n => n.Name, (n, boxed) => boxed ? null : n.Namespace, e => MetricText.EdgeLabel(e.Rps, e.LatencyP99Ms));
}
