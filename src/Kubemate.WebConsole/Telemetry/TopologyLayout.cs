using Kubemate.Telemetry.Topology;

namespace Kubemate.WebConsole.Telemetry;

/// <summary>
/// A deterministic layered layout: a node's column is its call depth from the nodes nobody calls (the gateway,
/// unmeshed callers), rows are ordered by namespace then name so namespaces stay together. Nodes that
/// already have a position keep it, and a new node takes the first free row of its column, so a refresh or a new
/// workload never moves what the user already sees.
/// </summary>
public static class TopologyLayout
{
    public const double ColumnWidth = 240;
    public const double RowHeight = 90;
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
            .ThenBy(n => n.Namespace, StringComparer.Ordinal)
            .ThenBy(n => n.Name, StringComparer.Ordinal)
            .ThenBy(n => n.Id, StringComparer.Ordinal);
        foreach (var node in fresh)
        {
            var column = depths[node.Id];
            var row = 0;
            while (taken.Contains((column, row)))
            {
                row++;
            }
            taken.Add((column, row));
            positions[node.Id] = new NodePosition(Margin + column * ColumnWidth, Margin + row * RowHeight);
        }
        return positions;
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
        var callers = ids.ToDictionary(id => id, id => calls.Count(c => c.Target == id), StringComparer.Ordinal);
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

    private static (int Column, int Row) SlotOf(NodePosition position) =>
        ((int)Math.Round((position.X - Margin) / ColumnWidth), (int)Math.Round((position.Y - Margin) / RowHeight));
}
