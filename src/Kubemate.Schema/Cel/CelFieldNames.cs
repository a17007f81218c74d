using System.Text;

namespace Kubemate.Schema.Cel;

/// <summary>
/// The apiserver's escaping of property names in rules: a CEL keyword is written <c>__name__</c>
/// (<c>__namespace__</c>), and <c>__</c>, <c>.</c>, <c>-</c>, <c>/</c> as <c>__underscores__</c>, <c>__dot__</c>,
/// <c>__dash__</c>, <c>__slash__</c>.
/// </summary>
internal static class CelFieldNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function", "if", "import",
        "let", "loop", "package", "namespace", "return", "var", "void", "while",
    };

    private static readonly (string Escaped, string Plain)[] Sequences =
        [("__underscores__", "__"), ("__dot__", "."), ("__dash__", "-"), ("__slash__", "/")];

    public static string Unescape(string name)
    {
        if (name.Length > 4 && name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal)
            && Keywords.Contains(name[2..^2]))
        {
            return name[2..^2];
        }
        if (!name.Contains("__", StringComparison.Ordinal))
        {
            return name;
        }
        var result = new StringBuilder();
        var i = 0;
        while (i < name.Length)
        {
            var match = Sequences.FirstOrDefault(sequence => string.CompareOrdinal(name, i, sequence.Escaped, 0, sequence.Escaped.Length) == 0);
            if (match.Escaped is null)
            {
                result.Append(name[i]);
                i++;
            }
            else
            {
                result.Append(match.Plain);
                i += match.Escaped.Length;
            }
        }
        return result.ToString();
    }
}
