using System.Text;

namespace Kubemate.Host.Problems;

/// <summary>
/// Finds query values whose percent-encoded bytes are not UTF-8 (<c>?kind=%C3</c>, an encoded surrogate such as
/// <c>%ED%A0%80</c>). The framework keeps such a value as its literal <c>%</c> text, so it would be read as a
/// filter that matches nothing instead of being refused.
/// </summary>
internal static class QueryText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Check(string? query, RequestErrors errors)
    {
        foreach (var pair in (query ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = equals < 0 ? (pair, "") : (pair[..equals], pair[(equals + 1)..]);
            var field = Uri.UnescapeDataString(name.Replace('+', ' '));
            if (!IsText(name) || !IsText(value))
            {
                errors.Add(field, "is not text: its percent-encoded bytes are not UTF-8");
            }
        }
    }

    private static bool IsText(string encoded)
    {
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length && IsHex(encoded[i + 1]) && IsHex(encoded[i + 2]))
            {
                bytes.Add(Convert.ToByte(encoded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(encoded[i].ToString()));
            }
        }
        try
        {
            Strict.GetCharCount(bytes.ToArray());
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
