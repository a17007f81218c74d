using System.Text.RegularExpressions;
using Kubemate.Application.Canary.Releases;
using Kubemate.Application.Canary.Resource;
using static Kubemate.WebConsole.Tests.Localization.ConsoleResources;

namespace Kubemate.WebConsole.Tests.Canary;

public sealed partial class CanaryTextTests
{
    private static IEnumerable<string> CanarySources() =>
        Directory.EnumerateFiles(Path.Combine(ConsoleSource, "Canary"), "*.*", SearchOption.AllDirectories)
            .Concat(new[] { "Releases.razor", "ReleaseWizard.razor", "ReleaseDetailPage.razor" }.Select(p => Path.Combine(ConsoleSource, "Pages", p)))
            .Append(Path.Combine(ConsoleSource, "Layout", "NavMenu.razor"))
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal));

    [Fact]
    public void Every_english_release_string_has_a_chinese_translation_with_the_same_placeholders()
    {
        AssertTranslated("CanaryText");
    }

    [Fact]
    public void Every_key_the_release_pages_use_exists()
    {
        var english = Strings("CanaryText.resx");
        var used = CanarySources().SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();

        Assert.NotEmpty(used);
        Assert.Empty(used.Except(english.Keys));
    }

    [Fact]
    public void Every_mode_phase_verdict_outcome_and_action_has_its_words()
    {
        var english = Strings("CanaryText.resx");
        var keys = Enum.GetValues<ReleaseMode>().Select(m => "Mode" + m)
            .Concat(Enum.GetValues<ReleasePhase>().Select(p => "Phase" + p))
            .Concat(Enum.GetValues<Verdict>().Select(v => "Verdict" + v))
            .Concat(Enum.GetValues<ActionState>().Select(s => "Outcome" + s))
            .Concat(PendingAction.Verbs.Append("set-weight").Select(v => "Action" + v));

        Assert.All(keys, key => Assert.True(english.ContainsKey(key), $"CanaryText.resx has no {key}"));
    }

    [GeneratedRegex(@"(?:\bC|\bwords)\[""([A-Za-z0-9]+)""[\],]")]
    private static partial Regex LiteralKey();
}
