using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kubemate.Sandbox.Simulation.Estate;

/// <summary>A certificate and its private key, both PEM.</summary>
public sealed record PemCertificate(string CertificatePem, string PrivateKeyPem, DateTimeOffset NotBefore, DateTimeOffset NotAfter);

/// <summary>Real X.509 ECDSA P-256 certificates for the estate, made with System.Security.Cryptography.</summary>
public static class Certificates
{
    /// <summary>A self-signed CA (a trust anchor) allowed to sign CAs <paramref name="pathLength"/> levels deep.</summary>
    public static PemCertificate SelfSignedAuthority(string commonName, DateTimeOffset notBefore, DateTimeOffset notAfter, int pathLength)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = AuthorityRequest(commonName, key, pathLength);
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        return new PemCertificate(certificate.ExportCertificatePem() + "\n", key.ExportECPrivateKeyPem() + "\n", notBefore, notAfter);
    }

    /// <summary>An intermediate CA signed by <paramref name="issuer"/>.</summary>
    public static PemCertificate IntermediateAuthority(PemCertificate issuer, string commonName, DateTimeOffset notBefore, DateTimeOffset notAfter, int pathLength)
    {
        using var issuerCertificate = X509Certificate2.CreateFromPem(issuer.CertificatePem, issuer.PrivateKeyPem);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = AuthorityRequest(commonName, key, pathLength);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuerCertificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        using var certificate = request.Create(issuerCertificate, notBefore, notAfter, SerialNumber());
        return new PemCertificate(certificate.ExportCertificatePem() + "\n", key.ExportECPrivateKeyPem() + "\n", notBefore, notAfter);
    }

    /// <summary>A self-signed TLS server certificate for <paramref name="dnsNames"/> (the first is the subject).</summary>
    public static PemCertificate SelfSignedServer(IReadOnlyList<string> dnsNames, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={dnsNames[0]}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames)
        {
            names.AddDnsName(name);
        }
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        return new PemCertificate(certificate.ExportCertificatePem() + "\n", key.ExportECPrivateKeyPem() + "\n", notBefore, notAfter);
    }

    private static CertificateRequest AuthorityRequest(string commonName, ECDsa key, int pathLength)
    {
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, pathLength, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static byte[] SerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        return serial;
    }
}
