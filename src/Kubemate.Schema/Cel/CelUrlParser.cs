using System.Diagnostics.CodeAnalysis;

namespace Kubemate.Schema.Cel;

/// <summary>
/// Go's <c>url.ParseRequestURI</c>, which Kubernetes' <c>url()</c> and <c>isURL()</c> use: an absolute URI or an
/// absolute path, no control characters, a host of allowed characters and a numeric port.
/// </summary>
internal static class CelUrlParser
{
    private const string HostPunctuation = "-._~!$&'()*+,;=:[]<>\"";

    public static bool TryParse(string text, [NotNullWhen(true)] out CelUrl? url)
    {
        url = null;
        if (text.Length == 0 || text.Any(c => c < 0x20 || c == 0x7f))
        {
            return false;
        }
        var scheme = string.Empty;
        var rest = text;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetter(c))
            {
                continue;
            }
            if (char.IsAsciiDigit(c) || c is '+' or '-' or '.')
            {
                if (i == 0)
                {
                    break;
                }
                continue;
            }
            if (c == ':')
            {
                if (i == 0)
                {
                    return false;
                }
                scheme = text[..i].ToLowerInvariant();
                rest = text[(i + 1)..];
            }
            break;
        }
        var query = string.Empty;
        var questionMark = rest.IndexOf('?');
        if (questionMark >= 0)
        {
            query = rest[(questionMark + 1)..];
            rest = rest[..questionMark];
        }
        if (!rest.StartsWith('/'))
        {
            if (scheme.Length == 0)
            {
                return false;
            }
            url = new CelUrl(scheme, string.Empty, string.Empty, string.Empty, string.Empty, query, Query(query));
            return true;
        }
        var host = string.Empty;
        if (scheme.Length > 0 && rest.StartsWith("//", StringComparison.Ordinal))
        {
            var authority = rest[2..];
            var slash = authority.IndexOf('/');
            rest = slash < 0 ? string.Empty : authority[slash..];
            authority = slash < 0 ? authority : authority[..slash];
            var at = authority.LastIndexOf('@');
            host = at < 0 ? authority : authority[(at + 1)..];
            if (!ValidHost(host))
            {
                return false;
            }
        }
        if (!ValidEscapes(rest))
        {
            return false;
        }
        var (hostname, port) = SplitHostPort(host);
        url = new CelUrl(scheme, host, hostname, port, rest, query, Query(query));
        return true;
    }

    private static bool ValidHost(string host)
    {
        var hostPart = host;
        var port = string.Empty;
        if (host.StartsWith('['))
        {
            var close = host.LastIndexOf(']');
            if (close < 0)
            {
                return false;
            }
            port = host[(close + 1)..];
            hostPart = host[1..close];
        }
        else
        {
            var colon = host.LastIndexOf(':');
            if (colon >= 0)
            {
                port = host[colon..];
                hostPart = host[..colon];
            }
        }
        if (port.Length > 0 && (port[0] != ':' || !port[1..].All(char.IsAsciiDigit)))
        {
            return false;
        }
        return hostPart.All(c => c >= 0x80 || char.IsAsciiLetterOrDigit(c) || HostPunctuation.Contains(c) || c == '%') && ValidEscapes(hostPart);
    }

    private static bool ValidEscapes(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && (i + 2 >= text.Length || !Uri.IsHexDigit(text[i + 1]) || !Uri.IsHexDigit(text[i + 2])))
            {
                return false;
            }
        }
        return true;
    }

    private static (string Hostname, string Port) SplitHostPort(string host)
    {
        if (host.StartsWith('['))
        {
            var close = host.LastIndexOf(']');
            var port = host[(close + 1)..];
            return (host[1..close], port.StartsWith(':') ? port[1..] : string.Empty);
        }
        var colon = host.LastIndexOf(':');
        return colon < 0 ? (host, string.Empty) : (host[..colon], host[(colon + 1)..]);
    }

    private static Dictionary<string, IReadOnlyList<string>> Query(string query)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            if (!result.TryGetValue(key, out var values))
            {
                result[key] = values = [];
            }
            values.Add(value);
        }
        return result.ToDictionary(entry => entry.Key, entry => (IReadOnlyList<string>)entry.Value, StringComparer.Ordinal);
    }
}
