using Kubemate.Telemetry.Topology;

namespace Kubemate.WebConsole.Telemetry;

/// <summary>
/// A deterministic layered layout: a node's column is its call depth from the nodes nobody calls (the gateway,
/// unmeshed callers), rows put entry points first, then order by namespace and name so namespaces stay together. Nodes that
/// already have a position keep it, and a new node takes the first free row of its column, so a refresh or a new
/// workload never moves what the user already sees. Linear in nodes and edges (plus sorting).
/// </summary>
public static class TopologyLayout
{
    public const double ColumnWidth = 240;
    // Leaves room between two namespace boxes stacked in a column for the lower one's title.
    public const double RowHeight = 100;
    public const double Margin = 80;

    public static IReadOnlyDictionary<string, NodePosition> Arrange(
        IReadOnlyList<TopologyNode> nodes, IReadOnlyList<TopologyEdge> edges, IReadOnlyDictionary<string, NodePosition>? kept = null)
    {
        var positions = new Dictionary<string, NodePosition>(StringComparer.Ordinal);
        var taken = new HashSet<(int Column, int Row)>();
        foreach (var position in kept?.Values ?? [])
        {
            // Every kept position holds its slot, also of nodes not in this graph, so they find it free when they come back.
            taken.Add(SlotOf(position));
        }
        foreach (var node in nodes)
        {
            if (kept is not null && kept.TryGetValue(node.Id, out var position))
            {
                positions[node.Id] = position;
            }
        }
        var depths = Depths(nodes, edges);
        var fresh = nodes.Where(n => !positions.ContainsKey(n.Id))
            .OrderBy(n => depths[n.Id])
            // Entry points (the gateway) head their column, where the traffic starts, not wherever their namespace sorts.
            .ThenBy(n => n.Entry ? 0 : 1)
            .ThenBy(n => n.Namespace, StringComparer.Ordinal)
            .ThenBy(n => n.Name, StringComparer.Ordinal)
            .ThenBy(n => n.Id, StringComparer.Ordinal);
        // Slots only fill up, so each column's first free row only moves down: a cursor per column finds it.
        var firstFree = new Dictionary<int, int>();
        foreach (var node in fresh)
        {
            var column = depths[node.Id];
            var row = firstFree.GetValueOrDefault(column);
            while (taken.Contains((column, row)))
            {
                row++;
            }
            taken.Add((column, row));
            firstFree[column] = row + 1;
            positions[node.Id] = CentreOf(column, row);
        }
        return positions;
    }

    /// <summary>
    /// The positions worth keeping: those of nodes with at least one call. A node without calls has no depth yet (the
    /// page opened before the first scrape, or the window is quiet), so it is placed afresh on every load and takes
    /// its real column once traffic shows it; keeping it would pin a whole estate to the first column.
    /// </summary>
    public static IReadOnlyDictionary<string, NodePosition> Settled(IReadOnlyDictionary<string, NodePosition> positions, IReadOnlyList<TopologyEdge> edges)
    {
        var calling = new HashSet<string>(StringComparer.Ordinal);
        foreach (var edge in edges)
        {
            calling.Add(edge.Source);
            calling.Add(edge.Target);
        }
        return positions.Where(p => calling.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// Call depth: the longest call chain from a node nobody calls (Kahn's order), so a workload always sits right of
    /// every caller. A cycle is entered at its first node by id.
    /// </summary>
    internal static Dictionary<string, int> Depths(IReadOnlyList<TopologyNode> nodes, IReadOnlyList<TopologyEdge> edges)
    {
        var ids = nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var calls = edges.Where(e => ids.Contains(e.Source) && ids.Contains(e.Target) && e.Source != e.Target)
            .Select(e => (e.Source, e.Target)).Distinct().ToList();
        var callees = calls.GroupBy(c => c.Source).ToDictionary(g => g.Key, g => g.Select(c => c.Target).ToList(), StringComparer.Ordinal);
        var callers = ids.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        foreach (var (_, target) in calls)
        {
            callers[target]++;
        }
        var depths = ids.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        var ready = new SortedSet<string>(ids.Where(id => callers[id] == 0), StringComparer.Ordinal);
        var pending = new SortedSet<string>(ids, StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var next = ready.Count > 0 ? ready.Min! : pending.Min!;
            ready.Remove(next);
            pending.Remove(next);
            foreach (var callee in callees.GetValueOrDefault(next) ?? [])
            {
                if (!pending.Contains(callee))
                {
                    continue;
                }
                depths[callee] = Math.Max(depths[callee], depths[next] + 1);
                if (--callers[callee] == 0)
                {
                    ready.Add(callee);
                }
            }
        }
        return depths;
    }

    /// <summary>The grid slot nearest to a position.</summary>
    public static (int Column, int Row) SlotOf(NodePosition position) =>
        ((int)Math.Round((position.X - Margin) / ColumnWidth), (int)Math.Round((position.Y - Margin) / RowHeight));

    /// <summary>The centre of a grid slot.</summary>
    public static NodePosition CentreOf(int column, int row) => new(Margin + column * ColumnWidth, Margin + row * RowHeight);
}
