namespace Kubemate.Direct.Terminal;

/// <summary>A line diff by longest common subsequence: each line kept (' '), removed ('-') or added ('+').</summary>
public static class LineDiff
{
    public static IReadOnlyList<(char Mark, string Line)> Compute(IReadOnlyList<string> before, IReadOnlyList<string> after)
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
        var lines = new List<(char, string)>();
        int b = 0, a = 0;
        while (b < before.Count || a < after.Count)
        {
            if (b < before.Count && a < after.Count && before[b] == after[a])
            {
                lines.Add((' ', before[b++]));
                a++;
            }
            else if (b < before.Count && (a == after.Count || common[b + 1, a] >= common[b, a + 1]))
            {
                // Removals before additions, as unified diffs print them.
                lines.Add(('-', before[b++]));
            }
            else
            {
                lines.Add(('+', after[a++]));
            }
        }
        return lines;
    }

    /// <summary>A YAML text's lines; an empty object (<c>{}</c>) has none, so a side that only gains fields shows no removal.</summary>
    public static IReadOnlyList<string> Lines(string text) =>
        text.Trim() is "" or "{}" ? [] : text.TrimEnd('\n').Split('\n');
}
