namespace Kubemate.Commands;

/// <summary>
/// The known word a mistyped one most likely meant, or none: only a word within a third of its length in edits
/// (at least one) counts, so "rendr" suggests render and "bogus" suggests nothing.
/// </summary>
public static class CloseMatch
{
    public static string? Find(string typed, IEnumerable<string> known)
    {
        var limit = Math.Max(1, typed.TrimStart('-').Length / 3);
        return known
            .Select(word => (Word: word, Distance: Distance(typed, word)))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Word, StringComparer.Ordinal)
            .Select(c => c.Word)
            .FirstOrDefault();
    }

    /// <summary>Edits (insert, delete, replace, swap of neighbours) that turn one word into the other.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
