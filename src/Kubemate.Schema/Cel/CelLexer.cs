using System.Globalization;
using System.Text;

namespace Kubemate.Schema.Cel;

/// <summary>Splits a CEL expression into tokens: numbers, (raw, triple-quoted, byte) strings, identifiers and operators.</summary>
internal static class CelLexer
{
    private static readonly string[] Operators =
        ["==", "!=", "<=", ">=", "&&", "||", "?.", "[?", "<", ">", "!", "+", "-", "*", "/", "%", "?", ":", ".", ",", "[", "]", "(", ")", "{", "}"];

    public static List<CelToken> Tokenize(string source)
    {
        var tokens = new List<CelToken>();
        var i = 0;
        while (true)
        {
            i = SkipSpaceAndComments(source, i);
            if (i >= source.Length)
            {
                tokens.Add(new CelToken(CelTokenKind.End, string.Empty, null, i));
                return tokens;
            }
            var c = source[i];
            if (IsStringStart(source, i))
            {
                tokens.Add(ReadString(source, ref i));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < source.Length && char.IsAsciiDigit(source[i + 1])))
            {
                tokens.Add(ReadNumber(source, ref i));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < source.Length && (char.IsAsciiLetterOrDigit(source[i]) || source[i] == '_'))
                {
                    i++;
                }
                tokens.Add(new CelToken(CelTokenKind.Identifier, source[start..i], null, start));
            }
            else
            {
                var op = Operators.FirstOrDefault(candidate => string.CompareOrdinal(source, i, candidate, 0, candidate.Length) == 0)
                    ?? throw CelSyntaxException.At(source, i, $"Syntax error: token recognition error at: '{c}'");
                tokens.Add(new CelToken(CelTokenKind.Punctuation, op, null, i));
                i += op.Length;
            }
        }
    }

    private static int SkipSpaceAndComments(string source, int i)
    {
        while (i < source.Length)
        {
            if (source[i] is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                i++;
            }
            else if (source[i] == '/' && i + 1 < source.Length && source[i + 1] == '/')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }
            }
            else
            {
                break;
            }
        }
        return i;
    }

    private static bool IsStringStart(string source, int i)
    {
        var j = i;
        while (j < source.Length && j - i < 2 && source[j] is 'r' or 'R' or 'b' or 'B')
        {
            j++;
        }
        return j < source.Length && source[j] is '"' or '\''
            && (j == i || !(i > 0 && (char.IsAsciiLetterOrDigit(source[i - 1]) || source[i - 1] == '_')));
    }

    private static CelToken ReadString(string source, ref int i)
    {
        var start = i;
        var raw = false;
        var bytes = false;
        while (source[i] is not ('"' or '\''))
        {
            raw |= source[i] is 'r' or 'R';
            bytes |= source[i] is 'b' or 'B';
            i++;
        }
        var quote = source[i];
        var triple = i + 2 < source.Length && source[i + 1] == quote && source[i + 2] == quote;
        var delimiter = triple ? new string(quote, 3) : quote.ToString();
        i += delimiter.Length;
        var text = new StringBuilder();
        while (true)
        {
            if (i >= source.Length || (!triple && source[i] is '\n' or '\r'))
            {
                throw CelSyntaxException.At(source, start, "Syntax error: unterminated string literal");
            }
            if (string.CompareOrdinal(source, i, delimiter, 0, delimiter.Length) == 0)
            {
                i += delimiter.Length;
                break;
            }
            if (source[i] == '\\' && !raw)
            {
                ReadEscape(source, ref i, text);
                continue;
            }
            text.Append(source[i]);
            i++;
        }
        var value = text.ToString();
        return bytes
            ? new CelToken(CelTokenKind.Bytes, source[start..i], new CelBytes(Encoding.Latin1.GetBytes(value)), start)
            : new CelToken(CelTokenKind.String, source[start..i], value, start);
    }

    private static void ReadEscape(string source, ref int i, StringBuilder text)
    {
        var at = i;
        if (i + 1 >= source.Length)
        {
            throw CelSyntaxException.At(source, at, "Syntax error: invalid escape sequence");
        }
        var c = source[i + 1];
        i += 2;
        switch (c)
        {
            case 'a': text.Append('\a'); return;
            case 'b': text.Append('\b'); return;
            case 'f': text.Append('\f'); return;
            case 'n': text.Append('\n'); return;
            case 'r': text.Append('\r'); return;
            case 't': text.Append('\t'); return;
            case 'v': text.Append('\v'); return;
            case '\\' or '\'' or '"' or '`' or '?': text.Append(c); return;
            case 'x' or 'X': AppendCodePoint(source, at, ref i, 2, 16, text); return;
            case 'u': AppendCodePoint(source, at, ref i, 4, 16, text); return;
            case 'U': AppendCodePoint(source, at, ref i, 8, 16, text); return;
            case >= '0' and <= '3':
                i--;
                AppendCodePoint(source, at, ref i, 3, 8, text);
                return;
            default:
                throw CelSyntaxException.At(source, at, "Syntax error: invalid escape sequence");
        }
    }

    private static void AppendCodePoint(string source, int at, ref int i, int digits, int radix, StringBuilder text)
    {
        if (i + digits > source.Length)
        {
            throw CelSyntaxException.At(source, at, "Syntax error: invalid escape sequence");
        }
        var value = 0;
        for (var k = 0; k < digits; k++)
        {
            var digit = HexValue(source[i + k]);
            if (digit < 0 || digit >= radix)
            {
                throw CelSyntaxException.At(source, at, "Syntax error: invalid escape sequence");
            }
            value = checked((value * radix) + digit);
        }
        i += digits;
        if (value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF)
        {
            throw CelSyntaxException.At(source, at, "Syntax error: invalid code point in escape sequence");
        }
        text.Append(char.ConvertFromUtf32(value));
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static CelToken ReadNumber(string source, ref int i)
    {
        var start = i;
        if (source[i] == '0' && i + 1 < source.Length && source[i + 1] is 'x' or 'X')
        {
            i += 2;
            while (i < source.Length && HexValue(source[i]) >= 0)
            {
                i++;
            }
            var hex = source[(start + 2)..i];
            return IntegerToken(source, start, ref i, hex, NumberStyles.AllowHexSpecifier);
        }
        while (i < source.Length && char.IsAsciiDigit(source[i]))
        {
            i++;
        }
        var isDouble = false;
        if (i + 1 < source.Length && source[i] == '.' && char.IsAsciiDigit(source[i + 1]))
        {
            isDouble = true;
            i++;
            while (i < source.Length && char.IsAsciiDigit(source[i]))
            {
                i++;
            }
        }
        if (i < source.Length && source[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < source.Length && source[j] is '+' or '-')
            {
                j++;
            }
            if (j < source.Length && char.IsAsciiDigit(source[j]))
            {
                isDouble = true;
                i = j;
                while (i < source.Length && char.IsAsciiDigit(source[i]))
                {
                    i++;
                }
            }
        }
        if (isDouble)
        {
            var value = double.Parse(source[start..i], NumberStyles.Float, CultureInfo.InvariantCulture);
            return new CelToken(CelTokenKind.Double, source[start..i], value, start);
        }
        return IntegerToken(source, start, ref i, source[start..i], NumberStyles.None);
    }

    private static CelToken IntegerToken(string source, int start, ref int i, string digits, NumberStyles style)
    {
        var unsigned = i < source.Length && source[i] is 'u' or 'U';
        if (unsigned)
        {
            i++;
        }
        if (!ulong.TryParse(digits, style, CultureInfo.InvariantCulture, out var value)
            || (!unsigned && value > (ulong)long.MaxValue + 1))
        {
            throw CelSyntaxException.At(source, start, "Syntax error: invalid int literal");
        }
        return unsigned
            ? new CelToken(CelTokenKind.Uint, source[start..i], value, start)
            : new CelToken(CelTokenKind.Int, source[start..i], value, start);
    }
}
