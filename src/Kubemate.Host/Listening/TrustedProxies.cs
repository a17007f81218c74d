using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Kubemate.Host.Listening;

/// <summary>
/// <c>X-Forwarded-For</c>/<c>-Proto</c>/<c>-Host</c> are believed only from the proxies given (<c>--trusted-proxy</c>), so that
/// behind a TLS-terminating proxy the request is https (the session cookie is then <c>Secure</c>) and the client
/// address is the user's; from anyone else the headers are ignored.
/// </summary>
public static class TrustedProxies
{
    public static ForwardedHeadersOptions Options(IReadOnlyList<IPNetwork> proxies)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // One proxy hop: the address the trusted proxy saw is the client's.
            ForwardLimit = 1,
        };
        // The framework trusts loopback by default; only what the operator names is trusted.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownIPNetworks.Add(proxy);
        }
        return options;
    }

    /// <summary>Parses <c>10.0.0.0/8</c> or a single address (a /32 or /128).</summary>
    public static (IPNetwork Network, string? Problem) Parse(string text)
    {
        if (IPNetwork.TryParse(text, out var network))
        {
            return (network, null);
        }
        if (IPAddress.TryParse(text, out var address))
        {
            return (new IPNetwork(address, address.GetAddressBytes().Length * 8), null);
        }
        return (default, $"'{text}' is not an address or CIDR range (for example 10.0.0.0/8)");
    }
}
