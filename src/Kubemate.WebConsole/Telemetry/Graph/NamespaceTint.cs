namespace Kubemate.WebConsole.Telemetry.Graph;

/// <summary>
/// The pale fill, border and title colour of a namespace box: literal colours (an exported SVG keeps them), light enough
/// for the graph's white background in either console theme, picked by a stable hash of the name so a namespace keeps
/// its tint across refreshes and sessions.
/// </summary>
public sealed record NamespaceTint(string Fill, string Stroke, string Text)
{
    private static readonly NamespaceTint[] Palette =
    [
        new("#eef4fb", "#b6cbe3", "#37506b"),
        new("#eef7ee", "#b9d8bb", "#355a38"),
        new("#f4effa", "#cdbde3", "#54416e"),
        new("#ebf6f5", "#acd5d1", "#2f5d59"),
        new("#fbf5e9", "#e3cfa3", "#6b5426"),
        new("#fbeff2", "#e3b9c4", "#6e3a48"),
    ];

    public static NamespaceTint Of(string ns)
    {
        // FNV-1a: string.GetHashCode differs per process.
        var hash = 2166136261u;
        foreach (var c in ns)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return Palette[hash % (uint)Palette.Length];
    }
}
