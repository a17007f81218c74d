using Kubemate.Telemetry.Topology;

namespace Kubemate.WebConsole.Telemetry.Graph;

/// <summary>A namespace's box behind a run of its workloads in one column, with its title and tint.</summary>
public sealed record NamespaceGroup(string Namespace, string Title, Box Box, double TitleBaseline, NamespaceTint Tint, IReadOnlyList<string> NodeIds)
{
    /// <summary>The area the title covers (edge labels keep off it).</summary>
    public Box TitleBox => Box.Around(Box.CentreX, TitleBaseline - 4, TextWidth.Of(Title, TopologyGeometry.GroupTitleFontSize), TopologyGeometry.GroupTitleHeight - 2);
}

/// <summary>
/// Namespace boxes. The layout puts a namespace's new workloads in consecutive rows of their column, so each maximal run
/// of same-namespace nodes on consecutive grid rows of a column gets one box. A box spans only its own rows and stays
/// inside its column, and <see cref="TopologyLayout.RowHeight"/> leaves room for a title between runs, so boxes never
/// overlap. A node the user dragged off the grid belongs to no box (it shows its namespace under its name instead), so a
/// drag never stretches a box over other nodes.
/// </summary>
public static class NamespaceGroups
{
    private const double MaxHalfWidth = (TopologyLayout.ColumnWidth - 12) / 2;

    /// <param name="names">The name drawn under each node (as fitted), which the box must enclose.</param>
    public static IReadOnlyList<NamespaceGroup> Of(
        IReadOnlyList<TopologyNode> nodes, IReadOnlyDictionary<string, NodePosition> positions, Func<TopologyNode, string> names)
    {
        var onGrid = new List<(TopologyNode Node, int Column, int Row, NodePosition At)>();
        foreach (var node in nodes)
        {
            if (node.Namespace.Length == 0 || node.Kind == NamespaceGraph.Kind || !positions.TryGetValue(node.Id, out var at))
            {
                continue;
            }
            var (column, row) = TopologyLayout.SlotOf(at);
            var centre = TopologyLayout.CentreOf(column, row);
            if (Math.Abs(centre.X - at.X) < 0.01 && Math.Abs(centre.Y - at.Y) < 0.01)
            {
                onGrid.Add((node, column, row, at));
            }
        }
        var groups = new List<NamespaceGroup>();
        foreach (var column in onGrid.GroupBy(n => n.Column).OrderBy(c => c.Key))
        {
            var run = new List<(TopologyNode Node, int Column, int Row, NodePosition At)>();
            foreach (var entry in column.OrderBy(n => n.Row))
            {
                if (run.Count > 0 && (run[^1].Node.Namespace != entry.Node.Namespace || run[^1].Row != entry.Row - 1))
                {
                    groups.Add(GroupOf(run, names));
                    run = [];
                }
                run.Add(entry);
            }
            if (run.Count > 0)
            {
                groups.Add(GroupOf(run, names));
            }
        }
        return groups;
    }

    private static NamespaceGroup GroupOf(List<(TopologyNode Node, int Column, int Row, NodePosition At)> run, Func<TopologyNode, string> names)
    {
        var ns = run[0].Node.Namespace;
        var title = TextWidth.Fit(ns, TopologyGeometry.GroupTitleFontSize, 2 * (MaxHalfWidth - TopologyGeometry.GroupPadding));
        var halfWidth = run.Select(n => TextWidth.Of(names(n.Node), TopologyGeometry.NameFontSize) / 2)
            .Append(TopologyGeometry.NodeRadius)
            .Append(TextWidth.Of(title, TopologyGeometry.GroupTitleFontSize) / 2)
            .Max() + TopologyGeometry.GroupPadding;
        halfWidth = Math.Min(halfWidth, MaxHalfWidth);
        var (first, last) = (run[0].At, run[^1].At);
        var top = first.Y - TopologyGeometry.NodeRadius - TopologyGeometry.GroupPadding - TopologyGeometry.GroupTitleHeight;
        var box = new Box(first.X - halfWidth, top, first.X + halfWidth, TopologyGeometry.NameBottom(last) + TopologyGeometry.GroupPadding);
        return new NamespaceGroup(ns, title, box, top + TopologyGeometry.GroupTitleHeight - 3, NamespaceTint.Of(ns), run.Select(n => n.Node.Id).ToList());
    }
}
