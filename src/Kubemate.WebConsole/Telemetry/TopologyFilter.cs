using Kubemate.Telemetry.Topology;

namespace Kubemate.WebConsole.Telemetry;

/// <summary>
/// What the topology shows: the chosen namespaces (all when none) and, with a search text, the nodes whose
/// namespace/name contains it plus their direct callers and callees, so a match is shown with its context.
/// Edges are shown when both ends are. Linear in nodes and edges.
/// </summary>
public sealed record TopologyFilter(IReadOnlySet<string> Namespaces, string? Search)
{
    public static readonly TopologyFilter All = new(new HashSet<string>(), null);

    public (IReadOnlyList<TopologyNode> Nodes, IReadOnlyList<TopologyEdge> Edges) Apply(TopologyGraph graph)
    {
        var inNamespaces = graph.Nodes.Where(InNamespace).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var withoutNamespace = graph.Nodes.Where(n => n.Namespace.Length == 0).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        // Nodes without a namespace (unmeshed callers) are shown when they call something shown.
        foreach (var edge in graph.Edges)
        {
            if (withoutNamespace.Contains(edge.Source) && inNamespaces.Contains(edge.Target))
            {
                inNamespaces.Add(edge.Source);
            }
        }
        var visible = inNamespaces;
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var text = Search.Trim();
            var matches = graph.Nodes.Where(n => inNamespaces.Contains(n.Id) && Matches(n, text)).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
            visible = new HashSet<string>(matches, StringComparer.Ordinal);
            foreach (var edge in graph.Edges)
            {
                if (matches.Contains(edge.Source) && inNamespaces.Contains(edge.Target))
                {
                    visible.Add(edge.Target);
                }
                if (matches.Contains(edge.Target) && inNamespaces.Contains(edge.Source))
                {
                    visible.Add(edge.Source);
                }
            }
        }
        var nodes = graph.Nodes.Where(n => visible.Contains(n.Id)).ToList();
        var edges = graph.Edges.Where(e => visible.Contains(e.Source) && visible.Contains(e.Target)).ToList();
        // Nothing filtered out: hand back the graph's own lists, so sessions share them rather than keep copies.
        return (nodes.Count == graph.Nodes.Count ? graph.Nodes : nodes, edges.Count == graph.Edges.Count ? graph.Edges : edges);
    }

    /// <summary>Whether the node matches the search text (case-insensitive, on "namespace/name").</summary>
    public bool IsMatch(TopologyNode node) => !string.IsNullOrWhiteSpace(Search) && Matches(node, Search.Trim());

    private bool InNamespace(TopologyNode node) => Namespaces.Count == 0 || Namespaces.Contains(node.Namespace);

    private static bool Matches(TopologyNode node, string text) =>
        $"{node.Namespace}/{node.Name}".Contains(text, StringComparison.OrdinalIgnoreCase);
}
