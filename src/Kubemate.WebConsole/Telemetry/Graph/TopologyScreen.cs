using Kubemate.Telemetry.Topology;

namespace Kubemate.WebConsole.Telemetry.Graph;

/// <summary>What the topology page draws now (computed once per load, filter or view change, not per render).</summary>
/// <param name="Automatic">Whether the threshold chose the mode (rather than the user).</param>
/// <param name="WorkloadCount">How many nodes passed the filter, whichever view draws them.</param>
/// <param name="WorkloadCounts">In the namespace view, how many workloads each namespace node stands for.</param>
/// <param name="WorkloadViewAllowed">Whether this many workloads may be drawn one by one (<see cref="TopologyViewRule.CanDrawWorkloads"/>).</param>
public sealed record TopologyShown(
    TopologyViewMode Mode, bool Automatic, int WorkloadCount, IReadOnlyList<TopologyNode> Nodes, IReadOnlyList<TopologyEdge> Edges,
    IReadOnlyDictionary<string, NodePosition> Positions, IReadOnlyDictionary<string, int>? WorkloadCounts, bool WorkloadViewAllowed = true);

/// <summary>
/// The topology page's state: the graph, the filter, the view the user chose (if any) and the kept positions of both
/// views. Positions are arranged over the whole graph (workloads) or all its namespaces (namespace view), so a filter
/// never moves a node. A user's choice of view holds until the filter changes; then the threshold decides again.
/// </summary>
public sealed class TopologyScreen(TopologyPositions kept)
{
    private IReadOnlyDictionary<string, NodePosition> _workloadPositions = new Dictionary<string, NodePosition>();
    private IReadOnlyDictionary<string, NodePosition>? _namespacePositions;

    public TopologyGraph? Graph { get; private set; }

    public TopologyFilter Filter { get; private set; } = TopologyFilter.All;

    public TopologyViewMode? Chosen { get; private set; }

    public TopologyShown? Shown { get; private set; }

    public void Load(TopologyGraph graph)
    {
        Graph = graph;
        _workloadPositions = TopologyLayout.Arrange(graph.Nodes, graph.Edges, kept.Snapshot());
        kept.Keep(TopologyLayout.Settled(_workloadPositions, graph.Edges));
        _namespacePositions = null;
        Update();
    }

    public void SetFilter(IEnumerable<string> namespaces, string? search)
    {
        Filter = new TopologyFilter(namespaces.Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal), search);
        Chosen = null;
        Update();
    }

    /// <summary>Shows the namespace's workloads (a click on a namespace node); the search stays.</summary>
    public void OpenNamespace(string ns) => SetFilter([ns], Filter.Search);

    public void Choose(TopologyViewMode mode)
    {
        Chosen = mode;
        Update();
    }

    /// <summary>Keeps a dragged node where it was dropped, in the view it was dragged in.</summary>
    public void Move(string id, NodePosition position)
    {
        if (Shown is not { } shown)
        {
            return;
        }
        if (shown.Mode == TopologyViewMode.Namespaces)
        {
            kept.NamespaceView.Move(id, position);
            _namespacePositions = kept.NamespaceView.Snapshot();
        }
        else
        {
            kept.Move(id, position);
            _workloadPositions = kept.Snapshot();
        }
        Update();
    }

    /// <summary>Forgets every kept and dragged position and lays the graph out afresh.</summary>
    public void Relayout()
    {
        kept.Clear();
        kept.NamespaceView.Clear();
        if (Graph is not null)
        {
            Load(Graph);
        }
    }

    private void Update()
    {
        if (Graph is null)
        {
            return;
        }
        var (nodes, edges) = Filter.Apply(Graph);
        var namespaces = nodes.Select(n => n.Namespace).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).Count();
        var mode = TopologyViewRule.Choose(nodes.Count, namespaces, Chosen);
        if (mode == TopologyViewMode.Workloads)
        {
            Shown = new TopologyShown(mode, Chosen is null, nodes.Count, nodes, edges, _workloadPositions, null);
            return;
        }
        var shown = NamespaceGraph.From(nodes, edges, Graph.Window);
        Shown = new TopologyShown(mode, Chosen is null || Chosen != mode, nodes.Count, shown.Nodes, shown.Edges, NamespacePositions(), shown.WorkloadCounts,
            TopologyViewRule.CanDrawWorkloads(nodes.Count, namespaces));
    }

    private IReadOnlyDictionary<string, NodePosition> NamespacePositions()
    {
        if (_namespacePositions is null)
        {
            var all = NamespaceGraph.From(Graph!.Nodes, Graph.Edges, Graph.Window);
            _namespacePositions = TopologyLayout.Arrange(all.Nodes, all.Edges, kept.NamespaceView.Snapshot());
            kept.NamespaceView.Keep(TopologyLayout.Settled(_namespacePositions, all.Edges));
        }
        return _namespacePositions;
    }
}
