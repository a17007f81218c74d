using System.Globalization;

namespace Kubemate.CommandLine;

/// <summary>How flag values are read: each gives the value, or the reason (naming no flag) the text is not one.</summary>
public static class FlagValues
{
    public static (int? Value, string? Problem) Integer(string text, int min, int max)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return (null, $"'{text}' is not a whole number");
        }
        return value < min || value > max ? (null, $"{value} is out of range ({min}-{max})") : (value, null);
    }

    public static (long? Value, string? Problem) Long(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? (value, null) : (null, $"'{text}' is not a whole number");

    public static (double? Value, string? Problem) Number(string text, double min, double max)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            return (null, $"'{text}' is not a number");
        }
        return value < min || value > max ? (null, $"{text} is out of range ({min.ToString(CultureInfo.InvariantCulture)}-{max.ToString(CultureInfo.InvariantCulture)})") : (value, null);
    }

    /// <summary>The entry of <paramref name="allowed"/> the text names (case-insensitive), as written there.</summary>
    public static (string? Value, string? Problem) OneOf(string text, IReadOnlyList<string> allowed) =>
        allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase)) is { } match
            ? (match, null)
            : (null, $"'{text}' is not one of {string.Join(", ", allowed)}");

    public static (Uri? Value, string? Problem) HttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? (url, null)
            : (null, $"'{text}' is not an http(s) URL");

    public static bool LegalPath(string text) => text.IndexOfAny(Path.GetInvalidPathChars()) < 0;
}
