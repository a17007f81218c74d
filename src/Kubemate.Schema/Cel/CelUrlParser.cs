using System.Diagnostics.CodeAnalysis;
using Kubemate.Schema.Formats;

namespace Kubemate.Schema.Cel;

/// <summary>
/// Kubernetes' <c>url()</c> and <c>isURL()</c>: a string Go's <c>url.ParseRequestURI</c> accepts (an absolute URI or
/// an absolute path), split into scheme, host, port, path and query.
/// </summary>
internal static class CelUrlParser
{
    public static bool TryParse(string text, [NotNullWhen(true)] out CelUrl? url)
    {
        url = null;
        if (text == "*" || !NetFormats.IsRequestUri(text))
        {
            return false;
        }
        var schemeLength = NetFormats.SchemeLength(text);
        var scheme = schemeLength > 0 ? text[..schemeLength].ToLowerInvariant() : string.Empty;
        var rest = schemeLength > 0 ? text[(schemeLength + 1)..] : text;
        var query = string.Empty;
        var questionMark = rest.IndexOf('?');
        if (questionMark >= 0)
        {
            query = rest[(questionMark + 1)..];
            rest = rest[..questionMark];
        }
        var host = string.Empty;
        if (scheme.Length > 0 && rest.StartsWith("//", StringComparison.Ordinal))
        {
            var slash = rest.IndexOf('/', 2);
            var authority = slash < 0 ? rest[2..] : rest[2..slash];
            rest = slash < 0 ? string.Empty : rest[slash..];
            host = authority[(authority.LastIndexOf('@') + 1)..];
        }
        else if (!rest.StartsWith('/'))
        {
            rest = string.Empty;
        }
        var (hostname, port) = SplitHostPort(host);
        url = new CelUrl(scheme, host, hostname, port, rest, query, Query(query));
        return true;
    }

    private static (string Hostname, string Port) SplitHostPort(string host)
    {
        var close = host.LastIndexOf(']');
        if (host.StartsWith('[') && close > 0)
        {
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
