using System.Text.RegularExpressions;
using System.Xml.Linq;
using Kubemate.WebConsole.E2E.Pages;

namespace Kubemate.WebConsole.E2E.Telemetry;

/// <summary>
/// <see cref="EnglishLeftovers"/> for the telemetry pages: the console's strings plus every English
/// <c>TelemetryText</c> string that has a different Chinese translation (split at its placeholders).
/// </summary>
public static partial class TelemetryEnglishLeftovers
{
    // Metric names and units are shown the same in both languages (column "p99", "rps" in edge labels, "mTLS").
    private static readonly HashSet<string> SharedTerms = ["p50", "p95", "p99", "rps", "mTLS", "RPS", "SVG", "PNG"];

    private static readonly Lazy<IReadOnlyList<string>> Fragments = new(Load);

    public static IReadOnlyList<string> Find(string visibleText) =>
    [
        .. EnglishLeftovers.Find(visibleText),
        .. Fragments.Value.Where(f => Regex.IsMatch(visibleText, $@"(?<!\p{{L}}){Regex.Escape(f)}(?!\p{{L}})")),
    ];

    private static IReadOnlyList<string> Load()
    {
        var resources = Path.Combine(RepoPaths.Root, "src", "Kubemate.WebConsole", "Resources");
        var english = Read(Path.Combine(resources, "TelemetryText.resx"));
        var chinese = Read(Path.Combine(resources, "TelemetryText.zh-CN.resx"));
        return english.Where(e => chinese.GetValueOrDefault(e.Key) != e.Value)
            .SelectMany(e => Placeholder().Split(e.Value))
            .Select(f => f.Trim(' ', '.', ',', ':', '…', '(', ')', '/', '·'))
            .Where(f => f.Length >= 2 && f.Any(char.IsLetter) && !SharedTerms.Contains(f))
            .Distinct()
            .ToList();
    }

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
