namespace Kubemate.ApiMachinery.Selectors;

internal enum LabelTokenKind
{
    EndOfString,
    Identifier,
    Comma,
    OpenParenthesis,
    CloseParenthesis,
    Bang,
    Equals,
    DoubleEquals,
    NotEquals,
    GreaterThan,
    LessThan,
    In,
    NotIn,
}

internal readonly record struct LabelToken(LabelTokenKind Kind, string Text)
{
    /// <summary>How the token is named in an error message.</summary>
    public string Display => Kind == LabelTokenKind.EndOfString ? "end of string" : Text;
}

/// <summary>
/// Splits a label selector string into tokens. Identifiers are runs of anything but whitespace and the operator
/// characters <c>=!(),&lt;&gt;</c>; <c>in</c> and <c>notin</c> are keywords (the parser treats them as identifiers
/// where a value is expected).
/// </summary>
internal static class LabelSelectorLexer
{
    public static List<LabelToken> Tokenize(string text)
    {
        var tokens = new List<LabelToken>();
        var position = 0;
        while (true)
        {
            while (position < text.Length && IsWhitespace(text[position]))
            {
                position++;
            }
            if (position >= text.Length)
            {
                tokens.Add(new LabelToken(LabelTokenKind.EndOfString, ""));
                return tokens;
            }

            if (IsOperatorCharacter(text[position]))
            {
                tokens.Add(ReadOperator(text, ref position));
                continue;
            }

            var start = position;
            while (position < text.Length && !IsWhitespace(text[position]) && !IsOperatorCharacter(text[position]))
            {
                position++;
            }
            var word = text[start..position];
            tokens.Add(word switch
            {
                "in" => new LabelToken(LabelTokenKind.In, word),
                "notin" => new LabelToken(LabelTokenKind.NotIn, word),
                _ => new LabelToken(LabelTokenKind.Identifier, word),
            });
        }
    }

    private static LabelToken ReadOperator(string text, ref int position)
    {
        var two = position + 1 < text.Length ? text.Substring(position, 2) : "";
        if (two is "!=" or "==")
        {
            position += 2;
            return new LabelToken(two == "!=" ? LabelTokenKind.NotEquals : LabelTokenKind.DoubleEquals, two);
        }
        var one = text[position++];
        var kind = one switch
        {
            '=' => LabelTokenKind.Equals,
            '!' => LabelTokenKind.Bang,
            '(' => LabelTokenKind.OpenParenthesis,
            ')' => LabelTokenKind.CloseParenthesis,
            ',' => LabelTokenKind.Comma,
            '>' => LabelTokenKind.GreaterThan,
            _ => LabelTokenKind.LessThan,
        };
        return new LabelToken(kind, one.ToString());
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsOperatorCharacter(char c) => c is '=' or '!' or '(' or ')' or ',' or '>' or '<';
}
