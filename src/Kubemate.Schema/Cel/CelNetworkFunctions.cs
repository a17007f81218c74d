using System.Net;
using System.Net.Sockets;

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
        if (text.Contains(':'))
        {
            if (text.Contains('%') || text.Contains('[') || !IPAddress.TryParse(text, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6
                || v6.IsIPv4MappedToIPv6)
            {
                return false;
            }
            address = v6;
            return true;
        }
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }
        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            var part = parts[i];
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0') || int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
            bytes[i] = byte.Parse(part, System.Globalization.CultureInfo.InvariantCulture);
        }
        address = new IPAddress(bytes);
        return true;
    }

    private static bool TryParseCidr(string text, out CelCidr cidr)
    {
        cidr = new CelCidr(IPAddress.None, 0);
        var slash = text.IndexOf('/');
        if (slash < 0 || !TryParseIp(text[..slash], out var address))
        {
            return false;
        }
        var bits = text[(slash + 1)..];
        var max = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (bits.Length is 0 or > 3 || !bits.All(char.IsAsciiDigit) || (bits.Length > 1 && bits[0] == '0')
            || int.Parse(bits, System.Globalization.CultureInfo.InvariantCulture) > max)
        {
            return false;
        }
        cidr = new CelCidr(address, int.Parse(bits, System.Globalization.CultureInfo.InvariantCulture));
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
