namespace Kubemate.WebConsole.Telemetry.Graph;

/// <summary>
/// An edge drawn as a quadratic curve bowed to the left of its direction: a call and its answer call (A→B, B→A) bow
/// apart instead of lying on one line, and an edge along a row (or column) bows further the more columns (rows) it
/// skips, so it does not run through the nodes between its ends or along a shorter edge of the same row. topology.js
/// bends a dragged node's edges by the same rule.
/// </summary>
public readonly record struct EdgeCurve(NodePosition From, NodePosition Control, NodePosition To)
{
    public const double BaseBend = 14;
    public const double BendPerSkip = 45;
    public const double MaxBend = 220;

    public static EdgeCurve Between(NodePosition from, NodePosition to)
    {
        var (dx, dy) = (to.X - from.X, to.Y - from.Y);
        var length = Math.Sqrt(dx * dx + dy * dy);
        if (length < 1e-9)
        {
            return new EdgeCurve(from, from, to);
        }
        // Only an edge along a row or a column can run through the nodes of the grid between its ends.
        var span = Math.Abs(dy) < TopologyLayout.RowHeight / 2 ? Math.Abs(dx) / TopologyLayout.ColumnWidth
            : Math.Abs(dx) < TopologyLayout.ColumnWidth / 2 ? Math.Abs(dy) / TopologyLayout.RowHeight
            : 1;
        var bend = Math.Min(MaxBend, BaseBend + BendPerSkip * Math.Max(0, span - 1));
        // The curve's middle lies halfway between the chord and the control point, so the control point goes twice as far.
        var (nx, ny) = (dy / length, -dx / length);
        var control = new NodePosition((from.X + to.X) / 2 + nx * 2 * bend, (from.Y + to.Y) / 2 + ny * 2 * bend);
        return new EdgeCurve(from, control, to);
    }

    public NodePosition At(double t)
    {
        var (a, b, c) = ((1 - t) * (1 - t), 2 * (1 - t) * t, t * t);
        return new NodePosition(a * From.X + b * Control.X + c * To.X, a * From.Y + b * Control.Y + c * To.Y);
    }
}
