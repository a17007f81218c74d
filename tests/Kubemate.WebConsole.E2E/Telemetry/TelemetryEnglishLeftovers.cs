using Kubemate.WebConsole.E2E.Pages;

namespace Kubemate.WebConsole.E2E.Telemetry;

/// <summary>
/// <see cref="EnglishLeftovers"/> for the telemetry pages: the console's strings plus every English
/// <c>TelemetryText</c> string that has a different Chinese translation (split at its placeholders).
/// </summary>
public static class TelemetryEnglishLeftovers
{
    // Metric names and units are shown the same in both languages (column "p99", "rps" in edge labels, "mTLS").
    private static readonly HashSet<string> SharedTerms = ["p50", "p95", "p99", "rps", "mTLS", "RPS", "SVG", "PNG"];

    private static readonly Lazy<IReadOnlyList<string>> Fragments = new(() => EnglishLeftovers.TranslatedFragments("TelemetryText", SharedTerms, '·'));

    public static IReadOnlyList<string> Find(string visibleText) =>
    [
        .. EnglishLeftovers.Find(visibleText),
        .. EnglishLeftovers.Occurring(Fragments.Value, visibleText),
    ];
}
