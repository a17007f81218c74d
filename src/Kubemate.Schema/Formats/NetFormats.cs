using System.Globalization;
using System.Net.Mail;

namespace Kubemate.Schema.Formats;

/// <summary>Checks for network-shaped formats with Go's parsing rules (strict dotted quads, no zones, no leading zeros).</summary>
internal static class NetFormats
{
    /// <summary>Parses an IPv4 or IPv6 address as Go's <c>net.ParseIP</c>; returns the 16-byte form or null.</summary>
    public static byte[]? ParseIp(string value) =>
        value.Contains(':') ? ParseIpv6(value) : ParseIpv4(value) is { } v4 ? [.. new byte[10], 0xff, 0xff, .. v4] : null;

    public static bool IsCidr(string value)
    {
        var slash = value.IndexOf('/');
        if (slash < 0)
        {
            return false;
        }
        var address = value[..slash];
        var prefix = value[(slash + 1)..];
        var bits = address.Contains(':') ? (ParseIpv6(address) is null ? -1 : 128) : (ParseIpv4(address) is null ? -1 : 32);
        if (bits < 0 || prefix.Length == 0 || prefix.Length > 3 || !prefix.All(char.IsAsciiDigit) || (prefix.Length > 1 && prefix[0] == '0'))
        {
            return false;
        }
        return int.Parse(prefix, CultureInfo.InvariantCulture) <= bits;
    }

    /// <summary>Go's <c>net.ParseMAC</c>: 6, 8 or 20 octets as <c>aa:bb:…</c>, <c>aa-bb-…</c> or <c>aabb.ccdd.…</c>.</summary>
    public static bool IsMac(string value)
    {
        if (value.Length < 14)
        {
            return false;
        }
        if (value[2] is ':' or '-')
        {
            if ((value.Length + 1) % 3 != 0 || !ValidOctetCount((value.Length + 1) / 3))
            {
                return false;
            }
            var separator = value[2];
            for (var i = 0; i < value.Length; i += 3)
            {
                if (!char.IsAsciiHexDigit(value[i]) || !char.IsAsciiHexDigit(value[i + 1]) || (i + 2 < value.Length && value[i + 2] != separator))
                {
                    return false;
                }
            }
            return true;
        }
        if (value[4] == '.')
        {
            if ((value.Length + 1) % 5 != 0 || !ValidOctetCount(2 * (value.Length + 1) / 5))
            {
                return false;
            }
            for (var i = 0; i < value.Length; i += 5)
            {
                if (value.AsSpan(i, 4).ContainsAnyExcept("0123456789abcdefABCDEF") || (i + 4 < value.Length && value[i + 4] != '.'))
                {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /// <summary>
    /// Go's <c>url.ParseRequestURI</c>: an absolute URI (<c>scheme:…</c>) or an absolute path, without control
    /// characters, with a well-formed authority and valid percent escapes.
    /// </summary>
    public static bool IsRequestUri(string value)
    {
        if (value.Length == 0 || value.Any(c => c < 0x20 || c == 0x7f))
        {
            return false;
        }
        if (value == "*")
        {
            return true;
        }
        var rest = value;
        var hashIndex = rest.IndexOf('#');
        if (hashIndex >= 0)
        {
            rest = rest[..hashIndex];
        }
        var schemeEnd = SchemeLength(rest);
        if (schemeEnd < 0)
        {
            return false;
        }
        var hasScheme = schemeEnd > 0;
        rest = hasScheme ? rest[(schemeEnd + 1)..] : rest;
        var query = rest.IndexOf('?');
        if (query >= 0)
        {
            rest = rest[..query];
        }
        if (!rest.StartsWith('/'))
        {
            return hasScheme;
        }
        if (hasScheme && rest.StartsWith("//", StringComparison.Ordinal))
        {
            var authorityEnd = rest.IndexOf('/', 2);
            var authority = authorityEnd < 0 ? rest[2..] : rest[2..authorityEnd];
            rest = authorityEnd < 0 ? string.Empty : rest[authorityEnd..];
            if (!ValidAuthority(authority))
            {
                return false;
            }
        }
        return ValidEscapes(rest);
    }

    public static bool IsEmail(string value) => MailAddress.TryCreate(value, out var address) && address.Address.Length > 0;

    /// <summary>
    /// An Internet host name (RFC 1034 3.1, relaxed as the apiserver's check is): dot-separated labels of letters,
    /// digits, symbols and inner hyphens, at most 63 characters each and 255 in all; a name of several labels ends
    /// in a label of at least two characters without doubled hyphens.
    /// </summary>
    public static bool IsHostname(string value)
    {
        if (value.Length == 0 || value.Length > 255)
        {
            return false;
        }
        var labels = value.Split('.');
        if (labels.Length == 1)
        {
            var label = labels[0];
            var hyphen = label.IndexOf('-');
            return label.Length <= 63 && label.Length > 0 && HostChar(label[0])
                && (hyphen < 0 || (hyphen == label.LastIndexOf('-') && hyphen < label.Length - 1))
                && label.All(c => c == '-' || HostChar(c));
        }
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            var last = i == labels.Length - 1;
            if (label.Length == 0 || label.Length > 63 || !HostChar(label[0]) || !HostChar(label[^1]) || !label.All(c => c == '-' || HostChar(c)))
            {
                return false;
            }
            if (last && (label.Length < 2 || label.Contains("--", StringComparison.Ordinal)))
            {
                return false;
            }
        }
        return true;
    }

    private static bool HostChar(char c) => char.IsAsciiLetterOrDigit(c) || char.IsLetter(c) || char.IsSymbol(c) || char.IsSurrogate(c);

    private static bool ValidOctetCount(int count) => count is 6 or 8 or 20;

    private static byte[]? ParseIpv4(string value)
    {
        var parts = value.Split('.');
        if (parts.Length != 4)
        {
            return null;
        }
        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            var part = parts[i];
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0'))
            {
                return null;
            }
            var number = int.Parse(part, CultureInfo.InvariantCulture);
            if (number > 255)
            {
                return null;
            }
            bytes[i] = (byte)number;
        }
        return bytes;
    }

    private static byte[]? ParseIpv6(string value)
    {
        var groups = new List<ushort>();
        int? ellipsis = null;
        var rest = value;
        if (rest.StartsWith("::", StringComparison.Ordinal))
        {
            ellipsis = 0;
            rest = rest[2..];
            if (rest.Length == 0)
            {
                return new byte[16];
            }
        }
        while (rest.Length > 0)
        {
            var colon = rest.IndexOf(':');
            var group = colon < 0 ? rest : rest[..colon];
            if (group.Contains('.'))
            {
                if (colon >= 0 || ParseIpv4(group) is not { } v4 || groups.Count > 6)
                {
                    return null;
                }
                groups.Add((ushort)(v4[0] << 8 | v4[1]));
                groups.Add((ushort)(v4[2] << 8 | v4[3]));
                rest = string.Empty;
                break;
            }
            if (group.Length is 0 or > 4 || !group.All(char.IsAsciiHexDigit))
            {
                return null;
            }
            groups.Add(ushort.Parse(group, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            if (colon < 0)
            {
                rest = string.Empty;
                break;
            }
            rest = rest[(colon + 1)..];
            if (rest.StartsWith(':'))
            {
                if (ellipsis is not null)
                {
                    return null;
                }
                ellipsis = groups.Count;
                rest = rest[1..];
                if (rest.Length == 0)
                {
                    break;
                }
            }
            else if (rest.Length == 0)
            {
                return null;
            }
        }
        if (groups.Count > 8 || (ellipsis is null && groups.Count != 8) || (ellipsis is not null && groups.Count == 8))
        {
            return null;
        }
        var expanded = new List<ushort>(groups);
        if (ellipsis is { } at)
        {
            expanded.InsertRange(at, new ushort[8 - groups.Count]);
        }
        return expanded.SelectMany(g => new[] { (byte)(g >> 8), (byte)g }).ToArray();
    }

    /// <summary>Length of a leading "scheme:" (0 when there is none), or -1 when a colon comes before any '/' in a non-scheme.</summary>
    public static int SchemeLength(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiLetter(c))
            {
                continue;
            }
            if (char.IsAsciiDigit(c) || c is '+' or '-' or '.')
            {
                if (i == 0)
                {
                    return 0;
                }
                continue;
            }
            if (c == ':')
            {
                return i == 0 ? -1 : i;
            }
            return 0;
        }
        return 0;
    }

    private static bool ValidAuthority(string authority)
    {
        var at = authority.LastIndexOf('@');
        var host = at < 0 ? authority : authority[(at + 1)..];
        string port;
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']');
            if (close < 0 || ParseIpv6(host[1..close].Split('%')[0]) is null)
            {
                return false;
            }
            port = host[(close + 1)..];
            if (port.Length > 0 && port[0] != ':')
            {
                return false;
            }
        }
        else
        {
            var colon = host.LastIndexOf(':');
            port = colon < 0 ? string.Empty : host[colon..];
            host = colon < 0 ? host : host[..colon];
            if (host.Any(c => c is ' ' or '{' or '}' or '|' or '\\' or '^' or '`'))
            {
                return false;
            }
        }
        return (port.Length == 0 || port[1..].All(char.IsAsciiDigit)) && ValidEscapes(host);
    }

    private static bool ValidEscapes(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '%')
            {
                continue;
            }
            if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
            {
                return false;
            }
            i += 2;
        }
        return true;
    }
}
