using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Kubemate.Model.Edge.Validation;

/// <summary>Syntax rules of Kubernetes names, hosts, ports, CIDRs, durations and quantities, as the API server and the edge components apply them.</summary>
public static partial class EdgeSyntax
{
    public const int MaxLabelLength = 63;
    public const int MaxSubdomainLength = 253;

    /// <summary>RFC 1123 label: lower-case alphanumerics and '-', starting and ending alphanumeric, at most 63 characters (namespace names).</summary>
    public static bool IsDnsLabel(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLabelLength && DnsLabelPattern().IsMatch(value);

    /// <summary>RFC 1123 subdomain: dot-separated labels, at most 253 characters (most object names).</summary>
    public static bool IsDnsSubdomain(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxSubdomainLength && value.Split('.').All(IsDnsLabel);

    /// <summary>A DNS host name; with <paramref name="allowWildcard"/> a single leading <c>*.</c> label is accepted.</summary>
    public static bool IsHostName(string? value, bool allowWildcard = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }
        if (allowWildcard && value.StartsWith("*.", StringComparison.Ordinal))
        {
            value = value[2..];
        }
        return IsDnsSubdomain(value);
    }

    public static bool IsPortNumber(long value) => value is >= 1 and <= 65535;

    /// <summary>IANA service name as Kubernetes accepts for named ports: at most 15 characters, lower-case alphanumerics and '-', at least one letter, no leading, trailing or double '-'.</summary>
    public static bool IsPortName(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 15 && PortNamePattern().IsMatch(value) && value.Any(char.IsAsciiLetter) && !value.Contains("--", StringComparison.Ordinal);

    /// <summary>Parses <c>address/prefix</c>; the reason says what is wrong (for instance host bits set).</summary>
    public static bool TryParseCidr(string? value, out string reason)
    {
        reason = "";
        if (string.IsNullOrWhiteSpace(value))
        {
            reason = "must be a CIDR such as 10.0.0.0/8";
            return false;
        }
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(value[..slash], out var address) || value[..slash].Contains('%', StringComparison.Ordinal))
        {
            reason = $"\"{value}\" is not a CIDR (expected address/prefix such as 10.0.0.0/8)";
            return false;
        }
        var maxPrefix = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefixText = value[(slash + 1)..];
        if (!int.TryParse(prefixText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix) || prefix > maxPrefix)
        {
            reason = $"\"{value}\" has an invalid prefix length (0 to {maxPrefix})";
            return false;
        }
        var network = new IPNetwork(MaskAddress(address, prefix), prefix);
        if (!network.BaseAddress.Equals(address))
        {
            reason = $"\"{value}\" has host bits set; did you mean {network}?";
            return false;
        }
        return true;
    }

    public static bool IsIpAddress(string? value) => !string.IsNullOrEmpty(value) && !value.Contains('/', StringComparison.Ordinal) && IPAddress.TryParse(value, out _);

    /// <summary>Go duration syntax as Traefik and cert-manager parse it (<c>90s</c>, <c>1h30m</c>, <c>2160h</c>).</summary>
    public static bool TryParseGoDuration(string? value, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }
        if (value == "0")
        {
            return true;
        }
        var match = GoDurationPattern().Match(value);
        if (!match.Success)
        {
            return false;
        }
        double ticks = 0;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unitStart = part.Value.IndexOfAny(['n', 'u', 'µ', 'm', 's', 'h']);
            var amount = double.Parse(part.Value[..unitStart], System.Globalization.CultureInfo.InvariantCulture);
            ticks += part.Value[unitStart..] switch
            {
                "ns" => amount / 100,
                "us" or "µs" => amount * 10,
                "ms" => amount * TimeSpan.TicksPerMillisecond,
                "s" => amount * TimeSpan.TicksPerSecond,
                "m" => amount * TimeSpan.TicksPerMinute,
                _ => amount * TimeSpan.TicksPerHour,
            };
        }
        duration = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    /// <summary>Kubernetes resource quantity (<c>100m</c>, <c>256Mi</c>, <c>1.5</c>).</summary>
    public static bool IsQuantity(string? value) => !string.IsNullOrEmpty(value) && QuantityPattern().IsMatch(value);

    /// <summary>An HTTP header field name (RFC 9110 token).</summary>
    public static bool IsHeaderName(string? value) => !string.IsNullOrEmpty(value) && HeaderNamePattern().IsMatch(value);

    /// <summary>A label or annotation key: optional DNS-subdomain prefix and '/', then a name of at most 63 characters.</summary>
    public static bool IsQualifiedName(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? value : value[(slash + 1)..];
        if (slash >= 0 && !IsDnsSubdomain(value[..slash]))
        {
            return false;
        }
        return name.Length is > 0 and <= MaxLabelLength && QualifiedNamePattern().IsMatch(name);
    }

    public static bool IsLabelValue(string? value) =>
        value is not null && (value.Length == 0 || (value.Length <= MaxLabelLength && QualifiedNamePattern().IsMatch(value)));

    private static IPAddress MaskAddress(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var bitsInByte = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bitsInByte));
        }
        return new IPAddress(bytes);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabelPattern();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex PortNamePattern();

    [GeneratedRegex(@"^(?<part>[0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$")]
    private static partial Regex GoDurationPattern();

    [GeneratedRegex(@"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([KMGTPE]i|[mkMGTPE]|[eE][+-]?[0-9]+)?$")]
    private static partial Regex QuantityPattern();

    [GeneratedRegex(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")]
    private static partial Regex HeaderNamePattern();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex QualifiedNamePattern();
}
