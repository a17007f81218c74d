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

    private static readonly char[] Punctuation = [' ', '.', ',', ':', '…', '(', ')', '/'];

    private static readonly Lazy<IReadOnlyList<string>> Fragments = new(() => TranslatedFragments("ConsoleText", KubernetesIdentifiers));

    public static IReadOnlyList<string> Find(string visibleText) => Occurring(Fragments.Value, visibleText);

    /// <summary>The fragments that occur in the text as whole words.</summary>
    internal static IReadOnlyList<string> Occurring(IEnumerable<string> fragments, string visibleText) =>
        fragments.Where(f => Regex.IsMatch(visibleText, $@"(?<!\p{{L}}){Regex.Escape(f)}(?!\p{{L}})")).ToList();

    /// <summary>
    /// The English strings of the resource table (e.g. <c>ConsoleText</c>) whose Chinese translation differs, split at
    /// their placeholders and trimmed of punctuation (and <paramref name="alsoTrim"/>); single letters and the shared terms are left out.
    /// </summary>
    internal static IReadOnlyList<string> TranslatedFragments(string table, IReadOnlySet<string> sharedTerms, params char[] alsoTrim)
    {
        var resources = Path.Combine(RepoPaths.Root, "src", "Kubemate.WebConsole", "Resources");
        var english = Read(Path.Combine(resources, $"{table}.resx"));
        var chinese = Read(Path.Combine(resources, $"{table}.zh-CN.resx"));
        char[] trim = [.. Punctuation, .. alsoTrim];
        return english.Where(e => chinese.GetValueOrDefault(e.Key) != e.Value)
            .SelectMany(e => Placeholder().Split(e.Value))
            .Select(f => f.Trim(trim))
            .Where(f => f.Length >= 2 && f.Any(char.IsLetter) && !sharedTerms.Contains(f))
            .Distinct()
            .ToList();
    }

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
