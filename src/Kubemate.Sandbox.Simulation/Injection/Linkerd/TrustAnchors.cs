using System.Security.Cryptography;
using System.Text;

namespace Kubemate.Sandbox.Simulation.Injection.Linkerd;

/// <summary>The trust-anchor bundle as the proxy receives it, and its <c>linkerd.io/trust-root-sha256</c> digest.</summary>
internal static class TrustAnchors
{
    /// <summary>The PEM bundle trimmed and ended by exactly one newline, as the chart's block scalar writes it.</summary>
    public static string Normalize(string pem) => pem.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() + "\n";

    /// <summary>Lower-case hex SHA-256 of the normalised bundle.</summary>
    public static string Sha256(string pem) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(pem))));
}
