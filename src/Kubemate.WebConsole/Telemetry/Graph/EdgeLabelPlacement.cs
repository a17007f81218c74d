using Kubemate.Telemetry.Topology;

namespace Kubemate.WebConsole.Telemetry.Graph;

/// <summary>Where an edge's label is drawn: the text's centre and baseline, and the box it covers.</summary>
public sealed record EdgeLabel(string Text, double X, double Baseline, Box Box);

/// <summary>
/// Puts edge labels where they cover no node, no namespace title and no other label. Busier edges (higher RPS) choose
/// first; each tries points along its curve (<see cref="EdgeCurve"/>), the middle first and then alternately towards
/// either end, and takes the first free one. An edge with no free point gets no label (its tooltip still has the
/// numbers), so what is hidden is the least busy. Deterministic: the same edges and positions give the same labels in
/// any input order.
/// </summary>
public static class EdgeLabelPlacement
{
    private static readonly double[] Along = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];
    private const double Height = 13;

    public static IReadOnlyDictionary<(string Source, string Target), EdgeLabel> Place(
        IReadOnlyList<TopologyEdge> edges, IReadOnlyDictionary<string, NodePosition> positions, IEnumerable<Box> obstacles, Func<TopologyEdge, string> text)
    {
        var taken = new BoxIndex();
        foreach (var obstacle in obstacles)
        {
            taken.Add(obstacle);
        }
        var labels = new Dictionary<(string Source, string Target), EdgeLabel>();
        var busiestFirst = edges.OrderByDescending(e => e.Rps)
            .ThenBy(e => e.Source, StringComparer.Ordinal)
            .ThenBy(e => e.Target, StringComparer.Ordinal);
        foreach (var edge in busiestFirst)
        {
            if (edge.Source == edge.Target || labels.ContainsKey((edge.Source, edge.Target))
                || !positions.TryGetValue(edge.Source, out var from) || !positions.TryGetValue(edge.Target, out var to))
            {
                continue;
            }
            var label = text(edge);
            var width = TextWidth.Of(label, TopologyGeometry.EdgeLabelFontSize) + 4;
            var curve = EdgeCurve.Between(from, to);
            foreach (var t in Along)
            {
                var (x, y) = curve.At(t);
                var box = Box.Around(x, y, width, Height);
                if (!taken.OverlapsAny(box))
                {
                    taken.Add(box);
                    labels[(edge.Source, edge.Target)] = new EdgeLabel(label, x, y + 4, box);
                    break;
                }
            }
        }
        return labels;
    }
}
