using System.Globalization;
using Kubemate.Telemetry.Topology;

namespace Kubemate.WebConsole.Telemetry.Graph;

/// <summary>The text drawn under a node: its name and, when it has one, a smaller second line.</summary>
public sealed record NodeText(string Name, string? SecondLine);

/// <summary>
/// Everything the SVG needs beyond the nodes, edges and positions: fitted node texts, namespace boxes, edge label spots
/// and the view box. Built once per change of the graph, filter or positions (never per render), in O(nodes + edges).
/// </summary>
public sealed record TopologyScene(
    IReadOnlyDictionary<string, NodeText> Texts, IReadOnlyList<NamespaceGroup> Groups,
    IReadOnlyDictionary<(string Source, string Target), EdgeLabel> Labels, string ViewBox)
{
    public static readonly TopologyScene Empty = new(new Dictionary<string, NodeText>(), [], new Dictionary<(string, string), EdgeLabel>(), "0 0 400 300");

    /// <param name="name">The node's name as shown.</param>
    /// <param name="secondLine">The node's second line, told whether a namespace box already names its namespace.</param>
    /// <param name="label">An edge's label text.</param>
    public static TopologyScene Build(
        IReadOnlyList<TopologyNode> nodes, IReadOnlyList<TopologyEdge> edges, IReadOnlyDictionary<string, NodePosition> positions,
        Func<TopologyNode, string> name, Func<TopologyNode, bool, string?> secondLine, Func<TopologyEdge, string> label)
    {
        var shown = nodes.Where(n => positions.ContainsKey(n.Id)).ToList();
        var names = shown.ToDictionary(n => n.Id, n => TextWidth.Fit(name(n), TopologyGeometry.NameFontSize, TopologyGeometry.MaxNameWidth), StringComparer.Ordinal);
        var groups = NamespaceGroups.Of(shown, positions, n => names[n.Id]);
        var grouped = groups.SelectMany(g => g.NodeIds).ToHashSet(StringComparer.Ordinal);
        var texts = new Dictionary<string, NodeText>(shown.Count, StringComparer.Ordinal);
        var obstacles = new List<Box>(shown.Count * 3 + groups.Count);
        foreach (var node in shown)
        {
            var second = secondLine(node, grouped.Contains(node.Id)) is { Length: > 0 } line
                ? TextWidth.Fit(line, TopologyGeometry.SecondLineFontSize, TopologyGeometry.MaxNameWidth)
                : null;
            texts[node.Id] = new NodeText(names[node.Id], second);
            obstacles.AddRange(TopologyGeometry.Footprint(positions[node.Id], names[node.Id], second));
        }
        obstacles.AddRange(groups.Select(g => g.TitleBox));
        var labels = EdgeLabelPlacement.Place(edges, positions, obstacles, label);
        return new TopologyScene(texts, groups, labels, ViewBoxOf(shown.Select(n => positions[n.Id])));
    }

    private static string ViewBoxOf(IEnumerable<NodePosition> shown)
    {
        var (right, bottom) = (400.0, 300.0);
        foreach (var at in shown)
        {
            right = Math.Max(right, at.X + TopologyLayout.Margin + 60);
            bottom = Math.Max(bottom, at.Y + TopologyLayout.Margin);
        }
        return string.Create(CultureInfo.InvariantCulture, $"0 0 {right:0.#} {bottom:0.#}");
    }
}
