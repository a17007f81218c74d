using System.Text;
using System.Text.RegularExpressions;

namespace Kubemate.Schema.Validation;

/// <summary>
/// Compiles CRD <c>pattern</c>s, written for Go's RE2 engine, into .NET regular expressions with RE2's meaning:
/// <c>\d</c>, <c>\w</c>, <c>\s</c> are ASCII-only, <c>$</c> matches only at the very end, <c>(?P&lt;name&gt;…)</c>,
/// <c>\pL</c>, <c>\Q…\E</c> and POSIX classes like <c>[[:alpha:]]</c> are understood. Matching has a timeout so a
/// hostile pattern cannot stall the server.
/// </summary>
internal static class GoRegex
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private static readonly Dictionary<string, string> PosixClasses = new(StringComparer.Ordinal)
    {
        ["alnum"] = "0-9A-Za-z",
        ["alpha"] = "A-Za-z",
        ["ascii"] = "\\x00-\\x7F",
        ["blank"] = "\\t ",
        ["cntrl"] = "\\x00-\\x1F\\x7F",
        ["digit"] = "0-9",
        ["graph"] = "!-~",
        ["lower"] = "a-z",
        ["print"] = " -~",
        ["punct"] = "!-/:-@\\[-`{-~",
        ["space"] = "\\t\\n\\v\\f\\r ",
        ["upper"] = "A-Z",
        ["word"] = "0-9A-Za-z_",
        ["xdigit"] = "0-9A-Fa-f",
    };

    public static Regex? TryCompile(string pattern, out string? error)
    {
        try
        {
            var regex = new Regex(Translate(pattern), RegexOptions.CultureInvariant, MatchTimeout);
            error = null;
            return regex;
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    internal static string Translate(string pattern)
    {
        var multiline = pattern.Contains("(?m", StringComparison.Ordinal) || pattern.Contains("(?sm", StringComparison.Ordinal)
            || pattern.Contains("(?im", StringComparison.Ordinal);
        var output = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                i = TranslateEscape(pattern, i, inClass, output);
                continue;
            }
            if (inClass)
            {
                if (c == '[' && pattern.AsSpan(i).StartsWith("[:") && TryPosixClass(pattern, i, output, out var end))
                {
                    i = end;
                    continue;
                }
                if (c == ']')
                {
                    inClass = false;
                }
                output.Append(c);
                continue;
            }
            switch (c)
            {
                case '[':
                    inClass = true;
                    output.Append(c);
                    // A ']' right after '[' or '[^' is a literal in RE2.
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        output.Append('^');
                        i++;
                    }
                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                    {
                        output.Append("\\]");
                        i++;
                    }
                    break;
                case '$' when !multiline:
                    output.Append("\\z");
                    break;
                case '(' when pattern.AsSpan(i).StartsWith("(?P<"):
                    output.Append("(?<");
                    i += 3;
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }
        return output.ToString();
    }

    private static int TranslateEscape(string pattern, int i, bool inClass, StringBuilder output)
    {
        var next = pattern[i + 1];
        switch (next)
        {
            case 'd': output.Append(inClass ? "0-9" : "[0-9]"); return i + 1;
            case 'w': output.Append(inClass ? "0-9A-Za-z_" : "[0-9A-Za-z_]"); return i + 1;
            case 's': output.Append(inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]"); return i + 1;
            case 'D' when !inClass: output.Append("[^0-9]"); return i + 1;
            case 'W' when !inClass: output.Append("[^0-9A-Za-z_]"); return i + 1;
            case 'S' when !inClass: output.Append("[^\\t\\n\\f\\r ]"); return i + 1;
            case 'p' or 'P' when i + 2 < pattern.Length && pattern[i + 2] != '{':
                output.Append('\\').Append(next).Append('{').Append(pattern[i + 2]).Append('}');
                return i + 2;
            case 'Q':
                var end = pattern.IndexOf("\\E", i + 2, StringComparison.Ordinal);
                var literal = end < 0 ? pattern[(i + 2)..] : pattern[(i + 2)..end];
                output.Append(Regex.Escape(literal));
                return end < 0 ? pattern.Length - 1 : end + 1;
            default:
                output.Append('\\').Append(next);
                return i + 1;
        }
    }

    private static bool TryPosixClass(string pattern, int start, StringBuilder output, out int end)
    {
        end = pattern.IndexOf(":]", start + 2, StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }
        var name = pattern[(start + 2)..end];
        var negated = name.StartsWith('^');
        if (negated || !PosixClasses.TryGetValue(name, out var ranges))
        {
            return false;
        }
        output.Append(ranges);
        end += 1;
        return true;
    }
}
