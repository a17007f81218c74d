using System.Text.RegularExpressions;
using static Kubemate.WebConsole.Tests.Localization.ConsoleResources;

namespace Kubemate.WebConsole.Tests.Localization;

public sealed partial class ResourceCompletenessTests
{
    [Fact]
    public void Every_english_string_has_a_chinese_translation_and_no_more()
    {
        var english = Strings("ConsoleText.resx");
        var chinese = Strings("ConsoleText.zh-CN.resx");

        Assert.Empty(english.Keys.Except(chinese.Keys));
        Assert.Empty(chinese.Keys.Except(english.Keys));
        Assert.Empty(chinese.Where(c => string.IsNullOrWhiteSpace(c.Value)).Select(c => c.Key));
    }

    [Fact]
    public void Chinese_strings_keep_the_placeholders_of_the_english_ones()
    {
        var english = Strings("ConsoleText.resx");
        var chinese = Strings("ConsoleText.zh-CN.resx");

        var mismatched = english.Where(e => !Placeholders(e.Value).SetEquals(Placeholders(chinese[e.Key]))).Select(e => e.Key);
        Assert.Empty(mismatched);
    }

    [Fact]
    public void Every_key_the_components_use_exists()
    {
        var english = Strings("ConsoleText.resx");
        var used = Directory.EnumerateFiles(ConsoleSource, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();

        Assert.NotEmpty(used);
        Assert.Empty(used.Except(english.Keys));
    }

    [GeneratedRegex(@"(?:\bT|\btext)\[""([A-Za-z]+)""[\],]")]
    private static partial Regex LiteralKey();
}
