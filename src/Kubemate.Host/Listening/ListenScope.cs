using System.Net;

namespace Kubemate.Host.Listening;

/// <summary>Whether a listen address keeps the host on this machine.</summary>
public static class ListenScope
{
    /// <summary>True for <c>localhost</c> and loopback IP addresses (127.0.0.0/8, ::1).</summary>
    public static bool IsLoopback(string address) =>
        string.Equals(address, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(address, out var ip) && IPAddress.IsLoopback(ip));
}
