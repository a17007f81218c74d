namespace Kubemate.WebConsole.Components;

/// <summary>One line of a diff as shown: kept (' '), removed ('-') or added ('+').</summary>
public sealed record DiffLine(char Change, string Text);

/// <summary>Line diffs for display: a unified diff's text split into lines, or two texts compared line by line.</summary>
public static class LineDiff
{
    /// <summary>Reads unified-diff text: lines starting with '+' or '-' (but not the '+++'/'---' headers) are changes.</summary>
    public static IReadOnlyList<DiffLine> ParseUnified(string diff) =>
        Lines(diff)
            .Select(line => line switch
            {
                _ when line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) => new DiffLine(' ', line),
                ['+', ..] => new DiffLine('+', line[1..]),
                ['-', ..] => new DiffLine('-', line[1..]),
                [' ', ..] => new DiffLine(' ', line[1..]),
                _ => new DiffLine(' ', line),
            })
            .ToList();

    /// <summary>Compares two texts line by line (longest common subsequence), in the order of the texts.</summary>
    public static IReadOnlyList<DiffLine> Compare(string before, string after)
    {
        var a = Lines(before);
        var b = Lines(after);
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }
        var lines = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                lines.Add(new DiffLine(' ', a[x++]));
                y++;
            }
            else if (common[x + 1, y] >= common[x, y + 1])
            {
                lines.Add(new DiffLine('-', a[x++]));
            }
            else
            {
                lines.Add(new DiffLine('+', b[y++]));
            }
        }
        lines.AddRange(a[x..].Select(l => new DiffLine('-', l)));
        lines.AddRange(b[y..].Select(l => new DiffLine('+', l)));
        return lines;
    }

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
}
