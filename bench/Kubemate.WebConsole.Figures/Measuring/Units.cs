using System.Globalization;

namespace Kubemate.WebConsole.Figures.Measuring;

internal static class Units
{
    public static string MiB(double bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) + " MiB";

    public static string KiB(double bytes) => (bytes / 1024.0).ToString("F0", CultureInfo.InvariantCulture) + " KiB";

    public static string Ms(double milliseconds) => milliseconds.ToString("F0", CultureInfo.InvariantCulture) + " ms";

    /// <summary>min / p50 / max of the values, through <paramref name="format"/>.</summary>
    public static string Spread(IEnumerable<double> values, Func<double, string> format)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? "no runs" : $"min {format(sorted[0])}, p50 {format(sorted[(sorted.Count - 1) / 2])}, max {format(sorted[^1])}";
    }
}
