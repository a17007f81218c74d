using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kubemate.Sandbox.Simulation.Tests.Traffic;

/// <summary>One sample of a scrape: metric name, labels, value.</summary>
public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    /// <summary>The label names in the order the exposition printed them.</summary>
    public IReadOnlyList<string> LabelOrder { get; init; } = [];

    public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : "";
}

/// <summary>
/// A strict parser of the Prometheus text exposition format (0.0.4) for the tests: every line must be a HELP, a TYPE
/// or a sample; samples must follow their family's TYPE; no series twice; histogram buckets cumulative and ending in
/// +Inf equal to _count. Any violation throws with the line.
/// </summary>
public static partial class Exposition
{
    public static IReadOnlyList<Sample> Parse(string text)
    {
        var samples = new List<Sample>();
        var types = new Dictionary<string, string>();
        var seen = new HashSet<string>();
        Assert.EndsWith("\n", text);
        foreach (var line in text.Split('\n')[..^1])
        {
            if (line.StartsWith('#'))
            {
                var comment = Comment().Match(line);
                Assert.True(comment.Success || line == "#" || (line.StartsWith("# ", StringComparison.Ordinal) && !line.StartsWith("# HELP", StringComparison.Ordinal) && !line.StartsWith("# TYPE", StringComparison.Ordinal)),
                    $"bad comment line: {line}");
                if (comment.Success && comment.Groups[1].Value == "TYPE")
                {
                    Assert.True(types.TryAdd(comment.Groups[2].Value, comment.Groups[3].Value), $"second TYPE line: {line}");
                    Assert.Matches("^(counter|gauge|histogram|summary|untyped)$", comment.Groups[3].Value);
                }
                continue;
            }
            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"bad sample line: {line}");
            var name = match.Groups[1].Value;
            var family = FamilyOf(name, types);
            Assert.True(family is not null, $"sample before its TYPE line: {line}");
            var order = new List<string>();
            var labels = ParseLabels(match.Groups[3].Value, line, order);
            Assert.True(seen.Add(name + "{" + string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")) + "}"), $"duplicate series: {line}");
            samples.Add(new Sample(name, labels, ParseValue(match.Groups[4].Value, line)) { LabelOrder = order });
        }
        CheckHistograms(samples, types);
        return samples;
    }

    public static double Sum(this IEnumerable<Sample> samples, string name, Func<Sample, bool>? where = null) =>
        samples.Where(s => s.Name == name && (where?.Invoke(s) ?? true)).Sum(s => s.Value);

    private static string? FamilyOf(string name, Dictionary<string, string> types)
    {
        if (types.ContainsKey(name))
        {
            return name;
        }
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && types.TryGetValue(name[..^suffix.Length], out var type) && type == "histogram")
            {
                return name[..^suffix.Length];
            }
        }
        return null;
    }

    private static Dictionary<string, string> ParseLabels(string text, string line, List<string> order)
    {
        var labels = new Dictionary<string, string>();
        var i = 0;
        while (i < text.Length)
        {
            var name = LabelName().Match(text, i);
            Assert.True(name.Success && name.Index == i, $"bad label name at {i}: {line}");
            i += name.Length;
            Assert.True(i + 1 < text.Length && text[i] == '=' && text[i + 1] == '"', $"expected =\" at {i}: {line}");
            i += 2;
            var value = new StringBuilder();
            while (true)
            {
                Assert.True(i < text.Length, $"unterminated label value: {line}");
                var c = text[i++];
                if (c == '"')
                {
                    break;
                }
                if (c == '\\')
                {
                    Assert.True(i < text.Length, $"dangling escape: {line}");
                    var escaped = text[i++];
                    value.Append(escaped switch
                    {
                        '\\' => '\\',
                        '"' => '"',
                        'n' => '\n',
                        _ => throw new Xunit.Sdk.XunitException($"bad escape \\{escaped}: {line}"),
                    });
                    continue;
                }
                Assert.True(c != '\n', $"raw newline in label value: {line}");
                value.Append(c);
            }
            Assert.True(labels.TryAdd(name.Value, value.ToString()), $"label {name.Value} twice: {line}");
            order.Add(name.Value);
            if (i < text.Length)
            {
                Assert.True(text[i] == ',', $"expected , at {i}: {line}");
                i++;
            }
        }
        return labels;
    }

    private static double ParseValue(string text, string line) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw new Xunit.Sdk.XunitException($"bad value: {line}"),
    };

    private static void CheckHistograms(List<Sample> samples, Dictionary<string, string> types)
    {
        foreach (var (family, _) in types.Where(t => t.Value == "histogram"))
        {
            var buckets = samples.Where(s => s.Name == family + "_bucket")
                .GroupBy(s => string.Join(",", s.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")));
            foreach (var series in buckets)
            {
                var ordered = series.Select(s => (Le: ParseValue(s.Label("le"), s.Name), s.Value)).ToList();
                Assert.Equal(ordered.OrderBy(b => b.Le).ToList(), ordered);
                Assert.True(double.IsPositiveInfinity(ordered[^1].Le), $"{family} {series.Key} does not end with le=+Inf");
                for (var i = 1; i < ordered.Count; i++)
                {
                    Assert.True(ordered[i].Value >= ordered[i - 1].Value, $"{family} {series.Key} buckets are not cumulative");
                }
                var count = samples.Single(s => s.Name == family + "_count" && Key(s) == series.Key);
                Assert.Equal(count.Value, ordered[^1].Value);
                Assert.Single(samples, s => s.Name == family + "_sum" && Key(s) == series.Key);
            }
        }
    }

    private static string Key(Sample sample) =>
        string.Join(",", sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));

    [GeneratedRegex(@"^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) ?(.*)$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? ([^ ]+)$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"[a-zA-Z_][a-zA-Z0-9_]*")]
    private static partial Regex LabelName();
}
