using System.Text;

namespace Kubemate.Application.Auditing;

/// <summary>A line diff by longest common subsequence: unchanged lines with ' ', removed with '-', added with '+'.</summary>
internal static class LineDiff
{
    public static void Append(StringBuilder text, string before, string after)
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
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                text.Append(' ').Append(a[x++]).Append('\n');
                y++;
            }
            else if (y < b.Length && (x == a.Length || common[x, y + 1] >= common[x + 1, y]))
            {
                text.Append('+').Append(b[y++]).Append('\n');
            }
            else
            {
                text.Append('-').Append(a[x++]).Append('\n');
            }
        }
    }

    private static string[] Lines(string text) => text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');
}
