using System.Text.RegularExpressions;

namespace Kubemate.Schema.Formats;

/// <summary>Checks for the text-shaped formats: UUIDs, base64, ISBNs, card numbers, colours and object ids.</summary>
internal static partial class TextFormats
{
    public static bool IsUuid(string value, char? version)
    {
        var match = UuidRegex().Match(value);
        if (!match.Success)
        {
            return false;
        }
        if (version is null)
        {
            return true;
        }
        var third = match.Groups["third"].Value;
        var fourth = match.Groups["fourth"].Value;
        return third[0] == version && (version == '3' || "89abAB".Contains(fourth[0]));
    }

    public static bool IsBase64(string value) => Base64Regex().IsMatch(value);

    public static bool IsBsonObjectId(string value) => value.Length == 24 && value.All(char.IsAsciiHexDigit);

    public static bool IsHexColor(string value) => HexColorRegex().IsMatch(value);

    public static bool IsRgbColor(string value) => RgbColorRegex().IsMatch(value);

    public static bool IsSsn(string value) => value.Length == 11 && SsnRegex().IsMatch(value);

    public static bool IsIsbn10(string value)
    {
        var isbn = IsbnSeparators().Replace(value, string.Empty);
        if (isbn.Length != 10 || !isbn[..9].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(isbn[9]) || isbn[9] == 'X'))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (i + 1) * (isbn[i] - '0');
        }
        sum += 10 * (isbn[9] == 'X' ? 10 : isbn[9] - '0');
        return sum % 11 == 0;
    }

    public static bool IsIsbn13(string value)
    {
        var isbn = IsbnSeparators().Replace(value, string.Empty);
        if (isbn.Length != 13 || !isbn.All(char.IsAsciiDigit))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (isbn[i] - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10 == isbn[12] - '0';
    }

    /// <summary>A card number of a known issuer (other characters are ignored) that passes the Luhn check.</summary>
    public static bool IsCreditCard(string value)
    {
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        if (!CardNumberRegex().IsMatch(digits))
        {
            return false;
        }
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var digit = digits[i] - '0';
            if (doubleIt)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    [GeneratedRegex("^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?(?<third>[0-9a-fA-F]{4})-?(?<fourth>[0-9a-fA-F]{4})-?[0-9a-fA-F]{12}\\z")]
    private static partial Regex UuidRegex();

    // Standard alphabet, padded, whole groups of four: what the apiserver's base64 check accepts.
    [GeneratedRegex("^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})\\z")]
    private static partial Regex Base64Regex();

    [GeneratedRegex("^#?(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})\\z")]
    private static partial Regex HexColorRegex();

    [GeneratedRegex("^rgb\\(\\s*(?:0|[1-9][0-9]?|1[0-9][0-9]|2[0-4][0-9]|25[0-5])\\s*,\\s*(?:0|[1-9][0-9]?|1[0-9][0-9]|2[0-4][0-9]|25[0-5])\\s*,\\s*(?:0|[1-9][0-9]?|1[0-9][0-9]|2[0-4][0-9]|25[0-5])\\s*\\)\\z")]
    private static partial Regex RgbColorRegex();

    [GeneratedRegex("^[0-9]{3}[- ]?[0-9]{2}[- ]?[0-9]{4}\\z")]
    private static partial Regex SsnRegex();

    [GeneratedRegex("[\\s-]+")]
    private static partial Regex IsbnSeparators();

    // Visa, Mastercard, Discover, Amex, Diners Club and JCB number shapes.
    [GeneratedRegex("^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|6(?:011|5[0-9]{2})[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35[0-9]{3})[0-9]{11})\\z")]
    private static partial Regex CardNumberRegex();
}
