namespace Kubemate.WebConsole.Telemetry.Graph;

/// <summary>An axis-aligned rectangle in SVG user units (y grows downwards).</summary>
public readonly record struct Box(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;

    public double Height => Bottom - Top;

    public double CentreX => (Left + Right) / 2;

    public static Box Around(double centreX, double centreY, double width, double height) =>
        new(centreX - width / 2, centreY - height / 2, centreX + width / 2, centreY + height / 2);

    /// <summary>Whether the two share any area (touching edges do not count).</summary>
    public bool Overlaps(Box other) => Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;

    public bool Contains(Box other) => Left <= other.Left && Top <= other.Top && other.Right <= Right && other.Bottom <= Bottom;

    public Box Union(Box other) =>
        new(Math.Min(Left, other.Left), Math.Min(Top, other.Top), Math.Max(Right, other.Right), Math.Max(Bottom, other.Bottom));
}
