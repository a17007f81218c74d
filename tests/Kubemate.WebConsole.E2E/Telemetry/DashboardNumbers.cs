using System.Globalization;
using System.Text.Json.Nodes;

namespace Kubemate.WebConsole.E2E.Telemetry;

/// <summary>Reads the golden "now" values as the dashboard prints them (en-US) and as the REST API answers them.</summary>
public static class DashboardNumbers
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>"1,234.5" → 1234.5.</summary>
    public static double ParseRps(string text) => double.Parse(text.Trim(), NumberStyles.Number, English);

    /// <summary>"99.5%" (or "99.5 %") → 0.995.</summary>
    public static double ParseSuccessRate(string text) =>
        double.Parse(text.Replace("%", "", StringComparison.Ordinal).Trim(), NumberStyles.Number, English) / 100;

    /// <summary>The answer's <c>data.now.metrics</c> rate and success ratio (the API wraps results in an envelope).</summary>
    public static (double Rps, double SuccessRate) NowOf(JsonNode answer)
    {
        var metrics = Property(Property(Property(answer, "data"), "now"), "metrics");
        return (Property(metrics, "rps").GetValue<double>(), Property(metrics, "successRate").GetValue<double>());
    }

    private static JsonNode Property(JsonNode node, string name) =>
        node.AsObject().FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value
        ?? throw new InvalidOperationException($"{node.GetPath()}.{name}: missing in {node.ToJsonString()}");
}
