namespace Kubemate.Cluster.Apply;

/// <summary>One line of a diff: kept (' '), removed ('-') or added ('+').</summary>
public sealed record DiffLine(char Change, string Text);

/// <summary>
/// The one line diff of the product: the audit trail's stored diff, the CLI's diff and the console's preview all
/// print a change through it, so they show it alike. Longest common subsequence; where lines are replaced, the
/// removals come before the additions, as unified diffs print them.
/// </summary>
public static class LineDiff
{
    public static IReadOnlyList<DiffLine> Compare(string before, string after) => Compare(Lines(before), Lines(after));

    public static IReadOnlyList<DiffLine> Compare(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        // The diffs shown are small (only the fields that change), so the quadratic table is cheap.
        var common = new int[before.Count + 1, after.Count + 1];
        for (var i = before.Count - 1; i >= 0; i--)
        {
            for (var j = after.Count - 1; j >= 0; j--)
            {
                common[i, j] = before[i] == after[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }
        var lines = new List<DiffLine>(before.Count + after.Count);
        int b = 0, a = 0;
        while (b < before.Count || a < after.Count)
        {
            if (b < before.Count && a < after.Count && before[b] == after[a])
            {
                lines.Add(new DiffLine(' ', before[b++]));
                a++;
            }
            else if (b < before.Count && (a == after.Count || common[b + 1, a] >= common[b, a + 1]))
            {
                lines.Add(new DiffLine('-', before[b++]));
            }
            else
            {
                lines.Add(new DiffLine('+', after[a++]));
            }
        }
        return lines;
    }

    /// <summary>Reads unified-diff text back: lines starting with '+' or '-' (but not the '+++'/'---' headers) are changes.</summary>
    public static IReadOnlyList<DiffLine> ParseUnified(string diff) =>
        Split(diff)
            .Select(line => line switch
            {
                _ when line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) => new DiffLine(' ', line),
                ['+', ..] => new DiffLine('+', line[1..]),
                ['-', ..] => new DiffLine('-', line[1..]),
                [' ', ..] => new DiffLine(' ', line[1..]),
                _ => new DiffLine(' ', line),
            })
            .ToList();

    /// <summary>A YAML text's lines; an empty object (<c>{}</c>) has none, so a side that only gains fields shows no removal.</summary>
    public static IReadOnlyList<string> Lines(string text) =>
        text.Trim() is "" or "{}" ? [] : Split(text);

    private static string[] Split(string text) =>
        text.Length == 0 ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
}
