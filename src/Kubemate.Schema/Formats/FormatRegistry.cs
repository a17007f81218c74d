using Kubemate.ApiMachinery.Validation;

namespace Kubemate.Schema.Formats;

/// <summary>
/// The string formats the apiserver checks in custom resources and how. Formats it does not know are ignored, as
/// the apiserver ignores them; <c>int32</c>/<c>int64</c>/<c>float</c>/<c>double</c> are accepted but not range-checked.
/// </summary>
internal static class FormatRegistry
{
    private static readonly Dictionary<string, Func<string, bool>> Checks = new(StringComparer.Ordinal)
    {
        ["bsonobjectid"] = TextFormats.IsBsonObjectId,
        ["uri"] = NetFormats.IsRequestUri,
        ["email"] = NetFormats.IsEmail,
        ["hostname"] = NetFormats.IsHostname,
        ["ipv4"] = value => NetFormats.ParseIp(value) is not null && value.Contains('.'),
        ["ipv6"] = value => NetFormats.ParseIp(value) is not null && value.Contains(':'),
        ["cidr"] = NetFormats.IsCidr,
        ["mac"] = NetFormats.IsMac,
        ["uuid"] = value => TextFormats.IsUuid(value, null),
        ["uuid3"] = value => TextFormats.IsUuid(value, '3'),
        ["uuid4"] = value => TextFormats.IsUuid(value, '4'),
        ["uuid5"] = value => TextFormats.IsUuid(value, '5'),
        ["isbn"] = value => TextFormats.IsIsbn10(value) || TextFormats.IsIsbn13(value),
        ["isbn10"] = TextFormats.IsIsbn10,
        ["isbn13"] = TextFormats.IsIsbn13,
        ["creditcard"] = TextFormats.IsCreditCard,
        ["ssn"] = TextFormats.IsSsn,
        ["hexcolor"] = TextFormats.IsHexColor,
        ["rgbcolor"] = TextFormats.IsRgbColor,
        ["byte"] = TextFormats.IsBase64,
        ["password"] = _ => true,
        ["date"] = TimeFormats.IsDate,
        ["duration"] = TimeFormats.IsDuration,
        ["datetime"] = TimeFormats.IsDateTime,
        ["k8sshortname"] = value => NameFormats.IsDns1123Label(value).Count == 0,
        ["k8slongname"] = value => NameFormats.IsDns1123Subdomain(value).Count == 0,
    };

    /// <summary>
    /// The format the apiserver keeps for a node of <paramref name="type"/> (null for int-or-string nodes), or null
    /// when it drops it as unsupported.
    /// </summary>
    public static string? CheckedFormat(string? type, string? format)
    {
        if (string.IsNullOrEmpty(format))
        {
            return null;
        }
        return type switch
        {
            null or "string" => Checks.ContainsKey(Normalize(format)) ? format : null,
            "integer" => format is "int32" or "int64" ? format : null,
            "number" => format is "float" or "double" ? format : null,
            _ => null,
        };
    }

    /// <summary>Whether <paramref name="value"/> is valid for a string format kept by <see cref="CheckedFormat"/>.</summary>
    public static bool Validates(string format, string value) =>
        !Checks.TryGetValue(Normalize(format), out var check) || check(value);

    public static bool IsStringFormat(string format) => Checks.ContainsKey(Normalize(format));

    // go-openapi looks formats up without dashes: "date-time" is "datetime".
    private static string Normalize(string format) => format.Replace("-", string.Empty, StringComparison.Ordinal);
}
