using System.Net;
using System.Net.Sockets;

namespace Kubemate.Model.Validation;

/// <summary>CIDR blocks (<c>10.0.0.0/8</c>, <c>fd00::/8</c>) and containment of one block in another.</summary>
public static class CidrChecks
{
    /// <summary>Problems with one CIDR: syntax, prefix length, and host bits set below the prefix.</summary>
    public static IEnumerable<ValidationProblem> Cidr(string? cidr, string path)
    {
        if (string.IsNullOrWhiteSpace(cidr))
        {
            yield return new(path, "CIDR is required");
            yield break;
        }
        var slash = cidr.IndexOf('/');
        if (slash < 0 || !IPAddress.TryParse(cidr.AsSpan(0, slash), out var address) || !int.TryParse(cidr.AsSpan(slash + 1), out var prefix))
        {
            yield return new(path, $"'{cidr}' is not a CIDR (address/prefix, e.g. 10.0.0.0/8 or fd00::/8)");
            yield break;
        }
        var bits = address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
        if (prefix < 0 || prefix > bits)
        {
            yield return new(path, $"'{cidr}' has prefix length {prefix}; it must be 0-{bits}");
            yield break;
        }
        if (!IPNetwork.TryParse(cidr, out var network) || !network.BaseAddress.Equals(address))
        {
            yield return new(path, $"'{cidr}' has host bits set below the /{prefix} prefix");
        }
    }

    public static bool TryParse(string? cidr, out IPNetwork network)
    {
        network = default;
        return cidr is not null && !Cidr(cidr, "").Any() && IPNetwork.TryParse(cidr, out network);
    }

    /// <summary>Whether <paramref name="inner"/> lies wholly inside <paramref name="outer"/>.</summary>
    public static bool Contains(IPNetwork outer, IPNetwork inner) =>
        outer.BaseAddress.AddressFamily == inner.BaseAddress.AddressFamily
        && inner.PrefixLength >= outer.PrefixLength
        && outer.Contains(inner.BaseAddress);
}
