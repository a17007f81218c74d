namespace Kubemate.WebConsole.Telemetry.Graph;

/// <summary>
/// Sizes of what the topology draws around a node centre, shared by the SVG and by the placement of labels and
/// namespace boxes, so what is measured is what is drawn.
/// </summary>
public static class TopologyGeometry
{
    public const double NodeRadius = 22;
    public const double NameFontSize = 12;
    public const double NameBaseline = NodeRadius + 14;
    public const double SecondLineFontSize = 10;
    public const double SecondLineBaseline = NodeRadius + 27;
    public const double EdgeLabelFontSize = 11;
    public const double GroupTitleFontSize = 10;
    public const double GroupTitleHeight = 14;
    public const double GroupPadding = 6;

    /// <summary>How wide a node's name may be drawn: a namespace box (name plus padding) must stay inside its column.</summary>
    public const double MaxNameWidth = TopologyLayout.ColumnWidth - 12 - 2 * GroupPadding - 8;

    /// <summary>The areas a node covers: its shape, its name and, when it has one, its second line.</summary>
    public static IEnumerable<Box> Footprint(NodePosition at, string name, string? secondLine)
    {
        yield return Box.Around(at.X, at.Y, 2 * NodeRadius, 2 * NodeRadius);
        var nameWidth = TextWidth.Of(name, NameFontSize);
        yield return new Box(at.X - nameWidth / 2, at.Y + NodeRadius + 2, at.X + nameWidth / 2, NameBottom(at));
        if (!string.IsNullOrEmpty(secondLine))
        {
            var width = TextWidth.Of(secondLine, SecondLineFontSize);
            yield return new Box(at.X - width / 2, NameBottom(at), at.X + width / 2, at.Y + SecondLineBaseline + 3);
        }
    }

    /// <summary>The lowest point of a node's name (its baseline plus descenders).</summary>
    public static double NameBottom(NodePosition at) => at.Y + NameBaseline + 4;
}
