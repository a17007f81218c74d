using System.Globalization;
using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.Patching;

/// <summary>An RFC 6901 JSON pointer: <c>""</c> is the whole document, <c>/a/0/b~1c</c> walks members and indexes.</summary>
internal sealed class JsonPointer
{
    private JsonPointer(string text, IReadOnlyList<string> tokens)
    {
        Text = text;
        Tokens = tokens;
    }

    public string Text { get; }

    /// <summary>Unescaped reference tokens (<c>~1</c> is <c>/</c>, <c>~0</c> is <c>~</c>).</summary>
    public IReadOnlyList<string> Tokens { get; }

    public bool IsRoot => Tokens.Count == 0;

    public string Last => Tokens[^1];

    public static JsonPointer Parse(string text)
    {
        if (text.Length == 0)
        {
            return new JsonPointer(text, []);
        }
        if (text[0] != '/')
        {
            throw new PatchException($"the path \"{text}\" is not a JSON pointer: it must be empty or start with \"/\"");
        }
        var tokens = text[1..].Split('/').Select(token => Unescape(token, text)).ToArray();
        return new JsonPointer(text, tokens);
    }

    /// <summary>True if this pointer names a location strictly inside <paramref name="other"/>.</summary>
    public bool IsInside(JsonPointer other) =>
        Tokens.Count > other.Tokens.Count && other.Tokens.Select((token, i) => Tokens[i] == token).All(same => same);

    /// <summary>Finds the node this pointer names. A member holding JSON null is found, with a null value.</summary>
    public bool TryResolve(JsonNode? document, out JsonNode? value) => TryResolve(document, Tokens.Count, out value);

    /// <summary>Finds the container that holds the location this pointer names (the pointer without its last token).</summary>
    public bool TryResolveParent(JsonNode? document, out JsonNode? parent) => TryResolve(document, Tokens.Count - 1, out parent);

    /// <summary>
    /// Reads an array index token: digits without a leading zero. <paramref name="allowEnd"/> permits <c>-</c>
    /// (one past the last element), which only <c>add</c> may use.
    /// </summary>
    public static bool TryParseIndex(string token, int count, bool allowEnd, out int index)
    {
        index = -1;
        if (token == "-")
        {
            index = count;
            return allowEnd;
        }
        if (token.Length == 0 || !token.All(char.IsAsciiDigit) || (token.Length > 1 && token[0] == '0'))
        {
            return false;
        }
        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out index))
        {
            return false;
        }
        return allowEnd ? index <= count : index < count;
    }

    public override string ToString() => Text;

    private bool TryResolve(JsonNode? document, int depth, out JsonNode? value)
    {
        value = document;
        for (var i = 0; i < depth; i++)
        {
            var token = Tokens[i];
            switch (value)
            {
                case JsonObject obj when obj.TryGetPropertyValue(token, out var member):
                    value = member;
                    break;
                case JsonArray array when TryParseIndex(token, array.Count, allowEnd: false, out var index):
                    value = array[index];
                    break;
                default:
                    value = null;
                    return false;
            }
        }
        return true;
    }

    private static string Unescape(string token, string pointer)
    {
        if (!token.Contains('~'))
        {
            return token;
        }
        var result = new System.Text.StringBuilder(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] != '~')
            {
                result.Append(token[i]);
                continue;
            }
            var next = i + 1 < token.Length ? token[i + 1] : '\0';
            result.Append(next switch
            {
                '0' => '~',
                '1' => '/',
                _ => throw new PatchException($"the path \"{pointer}\" has an invalid escape: \"~\" must be followed by 0 or 1"),
            });
            i++;
        }
        return result.ToString();
    }
}
