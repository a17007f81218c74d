using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kubemate.Sandbox.Simulation.Injection.Linkerd;

/// <summary>
/// A self-signed ECDSA P-256 trust anchor for <c>identity.linkerd.cluster.local</c>, made once per process, so an
/// unconfigured sandbox still gives its proxies a real certificate (and a stable <c>linkerd.io/trust-root-sha256</c>).
/// </summary>
internal static class SandboxTrustAnchor
{
    private static readonly Lazy<string> Generated = new(Generate);

    public static string Pem => Generated.Value;

    private static string Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=identity.linkerd.cluster.local", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 1, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var notBefore = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var certificate = request.CreateSelfSigned(notBefore, notBefore.AddYears(10));
        return certificate.ExportCertificatePem() + "\n";
    }
}
