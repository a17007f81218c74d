using System.Text.RegularExpressions;
using static Kubemate.WebConsole.Tests.Localization.ConsoleResources;

namespace Kubemate.WebConsole.Tests.Telemetry;

public sealed partial class TelemetryTextTests
{
    private static IEnumerable<string> TelemetrySources() =>
        Directory.EnumerateFiles(Path.Combine(ConsoleSource, "Telemetry"), "*.*", SearchOption.AllDirectories)
            .Concat(new[] { "Topology.razor", "WorkloadDashboard.razor", "Overview.razor" }.Select(p => Path.Combine(ConsoleSource, "Pages", p)))
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal));

    [Fact]
    public void Every_english_telemetry_string_has_a_chinese_translation_with_the_same_placeholders()
    {
        AssertTranslated("TelemetryText");
    }

    [Fact]
    public void Every_key_the_telemetry_pages_use_exists()
    {
        var english = Strings("TelemetryText.resx");
        var used = TelemetrySources()
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value))
            .ToHashSet();

        Assert.NotEmpty(used);
        Assert.Empty(used.Except(english.Keys));
    }

    // L["Key"] in the components, and the keys the helpers return ("HealthFailing", "UnavailableTimeoutHint"…).
    [GeneratedRegex(@"(?:\bL\[""([A-Za-z0-9]+)""[\],]|(?<!cref=)""((?:Health|Unavailable|Identity)[A-Z][A-Za-z]+)"")")]
    private static partial Regex LiteralKey();
}
