namespace Kubemate.WebConsole.Telemetry.Graph;

/// <summary>
/// Boxes bucketed in a uniform grid, so asking whether a box overlaps any of them looks only at its neighbours:
/// placing thousands of labels stays linear instead of comparing every label with every other.
/// </summary>
public sealed class BoxIndex(double cellSize = 64)
{
    private readonly Dictionary<(long X, long Y), List<Box>> _cells = [];

    public void Add(Box box)
    {
        foreach (var cell in CellsOf(box))
        {
            if (!_cells.TryGetValue(cell, out var boxes))
            {
                _cells[cell] = boxes = [];
            }
            boxes.Add(box);
        }
    }

    public bool OverlapsAny(Box box)
    {
        foreach (var cell in CellsOf(box))
        {
            if (_cells.TryGetValue(cell, out var boxes) && boxes.Exists(box.Overlaps))
            {
                return true;
            }
        }
        return false;
    }

    private IEnumerable<(long X, long Y)> CellsOf(Box box)
    {
        var (left, right) = ((long)Math.Floor(box.Left / cellSize), (long)Math.Floor(box.Right / cellSize));
        var (top, bottom) = ((long)Math.Floor(box.Top / cellSize), (long)Math.Floor(box.Bottom / cellSize));
        for (var x = left; x <= right; x++)
        {
            for (var y = top; y <= bottom; y++)
            {
                yield return (x, y);
            }
        }
    }
}
