using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Kubemate.WebConsole.Tests.Localization;

/// <summary>The console's source folder and its .resx string tables, read as the tests compare them.</summary>
public static partial class ConsoleResources
{
    public static readonly string ConsoleSource = Path.Combine(RepoPaths.Root, "src", "Kubemate.WebConsole");

    /// <summary>The name → value pairs of one file under <c>Resources</c>, e.g. <c>ConsoleText.zh-CN.resx</c>.</summary>
    public static Dictionary<string, string> Strings(string file) =>
        XDocument.Load(Path.Combine(ConsoleSource, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    /// <summary>
    /// Asserts that a string table (e.g. <c>TelemetryText</c>) has a Chinese string for every English one and no more,
    /// none blank, each with the English string's placeholders.
    /// </summary>
    public static void AssertTranslated(string table)
    {
        var english = Strings($"{table}.resx");
        var chinese = Strings($"{table}.zh-CN.resx");

        Assert.Equal(english.Keys.Order(), chinese.Keys.Order());
        Assert.Empty(chinese.Where(c => string.IsNullOrWhiteSpace(c.Value)).Select(c => c.Key));
        Assert.Empty(english.Where(e => !Placeholders(e.Value).SetEquals(Placeholders(chinese[e.Key]))).Select(e => e.Key));
    }

    /// <summary>The format placeholders of a string (<c>{0}</c>, <c>{1}</c>…).</summary>
    public static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
