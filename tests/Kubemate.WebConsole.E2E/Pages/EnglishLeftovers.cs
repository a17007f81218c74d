using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Kubemate.WebConsole.E2E.Pages;

/// <summary>
/// Finds English console strings in a page's visible text: every English resource string that has a different
/// Chinese translation (split at its placeholders) must be absent from a page shown in Chinese.
/// </summary>
public static partial class EnglishLeftovers
{
    // Kubernetes kind names are API identifiers shown as data (e.g. "Namespace users" in the audit log).
    private static readonly HashSet<string> KubernetesIdentifiers = ["Namespace"];

    private static readonly Lazy<IReadOnlyList<string>> Fragments = new(Load);

    public static IReadOnlyList<string> Find(string visibleText) =>
        Fragments.Value.Where(f => Regex.IsMatch(visibleText, $@"(?<!\p{{L}}){Regex.Escape(f)}(?!\p{{L}})")).ToList();

    private static IReadOnlyList<string> Load()
    {
        var resources = Path.Combine(RepoPaths.Root, "src", "Kubemate.WebConsole", "Resources");
        var english = Read(Path.Combine(resources, "ConsoleText.resx"));
        var chinese = Read(Path.Combine(resources, "ConsoleText.zh-CN.resx"));
        return english.Where(e => chinese.GetValueOrDefault(e.Key) != e.Value)
            .SelectMany(e => Placeholder().Split(e.Value))
            .Select(f => f.Trim(' ', '.', ',', ':', '…', '(', ')', '/'))
            .Where(f => f.Length >= 2 && f.Any(char.IsLetter) && !KubernetesIdentifiers.Contains(f))
            .Distinct()
            .ToList();
    }

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
