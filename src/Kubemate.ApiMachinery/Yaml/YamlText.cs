using System.Text;

namespace Kubemate.ApiMachinery.Yaml;

/// <summary>
/// Decodes a YAML file or body as UTF-8, refusing bytes that are not UTF-8 (as kubectl's YAML reader does) instead
/// of turning them silently into U+FFFD.
/// </summary>
public static class YamlText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    /// <summary>A file's text (a leading byte order mark dropped).</summary>
    /// <exception cref="YamlFormatException">a byte that is not UTF-8, named by line and column.</exception>
    public static string ReadFile(string path) => Decode(File.ReadAllBytes(path));

    /// <summary>The text of the bytes (a leading byte order mark dropped).</summary>
    /// <exception cref="YamlFormatException">a byte that is not UTF-8, named by line and column.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Strict.Preamble))
        {
            bytes = bytes[Strict.Preamble.Length..];
        }
        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException error)
        {
            var at = error.Index;
            var valid = at > 0 ? Encoding.UTF8.GetString(bytes[..at]) : "";
            var line = valid.Count(c => c == '\n') + 1;
            var column = valid.Length - (valid.LastIndexOf('\n') + 1) + 1;
            throw new YamlFormatException($"not UTF-8 text: the byte at line {line}, column {column} is not UTF-8", error);
        }
    }
}
