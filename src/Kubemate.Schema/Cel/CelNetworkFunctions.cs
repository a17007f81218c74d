using System.Net;
using System.Net.Sockets;
using Kubemate.Schema.Formats;

namespace Kubemate.Schema.Cel;

/// <summary>Kubernetes' URL, IP and CIDR libraries: <c>url()</c>/<c>isURL()</c> with Go's request-URI rules, <c>ip()</c>/<c>isIP()</c>, <c>cidr()</c>/<c>isCIDR()</c> and their accessors.</summary>
internal static class CelNetworkFunctions
{
    public static object Global(string name, object? arg, CelBudget budget)
    {
        var text = CelFunctions.Text(arg, name);
        budget.ChargeString(text);
        return name switch
        {
            "isURL" => CelUrlParser.TryParse(text, out _),
            "url" => CelUrlParser.TryParse(text, out var url) ? url : throw new CelEvaluationException($"URL parse error during conversion from string: {text}"),
            "isIP" => TryParseIp(text, out _),
            "ip" => TryParseIp(text, out var ip) ? new CelIp(ip) : throw new CelEvaluationException($"IP Address \"{text}\" parse error during conversion from string"),
            "isCIDR" => TryParseCidr(text, out _),
            "cidr" => TryParseCidr(text, out var cidr) ? cidr : throw new CelEvaluationException($"network address parse error during conversion from string: \"{text}\""),
            _ => throw CelEquality.NoOverload(name, arg),
        };
    }

    public static object Invoke(string name, object? target, object?[] args, CelBudget budget)
    {
        switch (target, name, args.Length)
        {
            case (CelUrl url, "getScheme", 0): return url.Scheme;
            case (CelUrl url, "getHost", 0): return url.Host;
            case (CelUrl url, "getHostname", 0): return url.Hostname;
            case (CelUrl url, "getPort", 0): return url.Port;
            case (CelUrl url, "getEscapedPath", 0): return url.EscapedPath;
            case (CelUrl url, "getQuery", 0):
                return new CelLiteralMap(url.QueryValues.ToDictionary(entry => (object)entry.Key, entry => (object?)new CelList(entry.Value.Cast<object?>().ToList())));
            case (CelIp address, "family", 0): return address.Address.AddressFamily == AddressFamily.InterNetwork ? 4L : 6L;
            case (CelIp address, "isUnspecified", 0): return address.Address.Equals(IPAddress.Any) || address.Address.Equals(IPAddress.IPv6Any);
            case (CelIp address, "isLoopback", 0): return IPAddress.IsLoopback(address.Address);
            case (CelIp address, "isLinkLocalMulticast", 0): return IsLinkLocalMulticast(address.Address);
            case (CelIp address, "isLinkLocalUnicast", 0): return IsLinkLocalUnicast(address.Address);
            case (CelIp address, "isGlobalUnicast", 0): return IsGlobalUnicast(address.Address);
            case (CelCidr cidr, "ip", 0): return new CelIp(cidr.Address);
            case (CelCidr cidr, "prefixLength", 0): return (long)cidr.PrefixLength;
            case (CelCidr cidr, "masked", 0): return new CelCidr(Mask(cidr.Address, cidr.PrefixLength), cidr.PrefixLength);
            case (CelCidr cidr, "containsIP", 1):
                var ip = args[0] switch
                {
                    CelIp value => value.Address,
                    string text when TryParseIp(text, out var parsed) => parsed,
                    _ => throw CelEquality.NoOverload(name, target, args[0]),
                };
                return Contains(cidr, ip, cidr.PrefixLength);
            case (CelCidr cidr, "containsCIDR", 1):
                var other = args[0] switch
                {
                    CelCidr value => value,
                    string text when TryParseCidr(text, out var parsed) => parsed,
                    _ => throw CelEquality.NoOverload(name, target, args[0]),
                };
                return other.PrefixLength >= cidr.PrefixLength && Contains(cidr, other.Address, cidr.PrefixLength);
            default:
                budget.Charge(1);
                throw CelEquality.NoOverload(name, [target, .. args]);
        }
    }

    /// <summary>Go's netip.ParseAddr as the library uses it: no leading zeros, no zones, no IPv4-mapped IPv6.</summary>
    public static bool TryParseIp(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (NetFormats.ParseIp(text) is not { } bytes)
        {
            return false;
        }
        address = text.Contains(':') ? new IPAddress(bytes) : new IPAddress(bytes[12..]);
        return !address.IsIPv4MappedToIPv6;
    }

    private static bool TryParseCidr(string text, out CelCidr cidr)
    {
        cidr = new CelCidr(IPAddress.None, 0);
        if (!NetFormats.IsCidr(text))
        {
            return false;
        }
        var slash = text.IndexOf('/');
        if (!TryParseIp(text[..slash], out var address))
        {
            return false;
        }
        cidr = new CelCidr(address, int.Parse(text[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    private static IPAddress Mask(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }
        return new IPAddress(bytes);
    }

    private static bool Contains(CelCidr cidr, IPAddress address, int prefix) =>
        address.AddressFamily == cidr.Address.AddressFamily && Mask(address, prefix).Equals(Mask(cidr.Address, prefix));

    private static bool IsLinkLocalMulticast(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return address.AddressFamily == AddressFamily.InterNetwork
            ? bytes[0] == 224 && bytes[1] == 0 && bytes[2] == 0
            : bytes[0] == 0xff && (bytes[1] & 0x0f) == 0x02;
    }

    private static bool IsLinkLocalUnicast(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return address.AddressFamily == AddressFamily.InterNetwork
            ? bytes[0] == 169 && bytes[1] == 254
            : bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0x80;
    }

    private static bool IsGlobalUnicast(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.Broadcast) && !IPAddress.IsLoopback(address)
                && bytes[0] < 224 && !IsLinkLocalUnicast(address);
        }
        return !address.Equals(IPAddress.IPv6Any) && !IPAddress.IsLoopback(address) && bytes[0] != 0xff && !IsLinkLocalUnicast(address);
    }
}
