namespace Kubemate.WebConsole.Telemetry;

/// <summary>
/// Where the user's topology nodes are, for the circuit's lifetime (register it scoped): positions survive refreshes,
/// filters and visits to other pages, and a dragged node stays where it was dropped.
/// </summary>
public sealed class TopologyPositions
{
    private readonly Lock _gate = new();
    private Dictionary<string, NodePosition> _positions = new(StringComparer.Ordinal);
    private TopologyPositions? _namespaceView;

    /// <summary>The positions of the namespace view's nodes, kept apart so neither view's slots push the other's nodes.</summary>
    public TopologyPositions NamespaceView
    {
        get
        {
            lock (_gate)
            {
                return _namespaceView ??= new TopologyPositions();
            }
        }
    }

    public IReadOnlyDictionary<string, NodePosition> Snapshot()
    {
        lock (_gate)
        {
            return new Dictionary<string, NodePosition>(_positions, StringComparer.Ordinal);
        }
    }

    /// <summary>Keeps these positions (merged with the known ones: a node filtered out keeps its place for later).</summary>
    public void Keep(IReadOnlyDictionary<string, NodePosition> positions)
    {
        lock (_gate)
        {
            var merged = new Dictionary<string, NodePosition>(_positions, StringComparer.Ordinal);
            foreach (var (id, position) in positions)
            {
                merged[id] = position;
            }
            _positions = merged;
        }
    }

    /// <summary>Forgets every position (the user asked for a fresh layout).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _positions = new(StringComparer.Ordinal);
        }
    }

    public void Move(string id, NodePosition position) => Keep(new Dictionary<string, NodePosition> { [id] = position });
}
