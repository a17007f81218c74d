using System.Globalization;

namespace Kubemate.WebConsole.Telemetry;

/// <summary>Golden metrics as text in the current culture; a missing value is a dash, never 0.</summary>
public static class MetricText
{
    public const string Missing = "–";

    public static string Rps(double rps) => rps.ToString(rps < 10 ? "N2" : "N1", CultureInfo.CurrentCulture);

    public static string SuccessRate(double? rate) => rate is { } value ? value.ToString("P1", CultureInfo.CurrentCulture) : Missing;

    public static string LatencyMs(double? ms) => ms is { } value && !double.IsNaN(value)
        ? value.ToString(value < 10 ? "N1" : "N0", CultureInfo.CurrentCulture) + " ms"
        : Missing;

    /// <summary>The label on a topology edge: rate and p99, e.g. "12.5 rps · p99 35 ms".</summary>
    public static string EdgeLabel(double rps, double? p99Ms) => $"{Rps(rps)} rps · p99 {LatencyMs(p99Ms)}";
}
