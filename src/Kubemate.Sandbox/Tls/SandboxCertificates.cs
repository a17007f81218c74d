using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kubemate.Sandbox.Tls;

/// <summary>
/// The sandbox serves HTTPS like a real API server (kubectl sends bearer tokens only over TLS): a private CA and
/// a serving certificate for 127.0.0.1, ::1 and localhost, both ECDSA P-256. With a data directory they are kept
/// there (owner-only) so kubeconfigs stay valid across restarts; otherwise they live in memory.
/// </summary>
public sealed class SandboxCertificates
{
    private const string CaFile = "ca.pfx";
    private const string ServingFile = "serving.pfx";

    private SandboxCertificates(X509Certificate2 authority, X509Certificate2 serving)
    {
        Authority = authority;
        Serving = serving;
    }

    /// <summary>The CA that signed the serving certificate: what clients trust (kubeconfig certificate-authority-data).</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The serving certificate with its private key.</summary>
    public X509Certificate2 Serving { get; }

    /// <summary>The CA certificate in PEM form.</summary>
    public string AuthorityPem => Authority.ExportCertificatePem();

    /// <summary>An HTTP handler that trusts exactly this sandbox's CA (for in-process clients and tests).</summary>
    public HttpClientHandler CreateTrustingHandler() => new()
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
        {
            if (certificate is null)
            {
                return false;
            }
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(Authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(certificate);
        },
    };

    public static SandboxCertificates LoadOrCreate(string? dataDirectory, TimeProvider clock)
    {
        if (dataDirectory is not null)
        {
            var caPath = Path.Combine(dataDirectory, CaFile);
            var servingPath = Path.Combine(dataDirectory, ServingFile);
            if (File.Exists(caPath) && File.Exists(servingPath))
            {
                var loaded = new SandboxCertificates(
                    X509CertificateLoader.LoadPkcs12FromFile(caPath, null),
                    X509CertificateLoader.LoadPkcs12FromFile(servingPath, null));
                if (loaded.Serving.NotAfter > clock.GetUtcNow().UtcDateTime.AddDays(1))
                {
                    return loaded;
                }
            }
        }
        var created = Create(clock.GetUtcNow());
        if (dataDirectory is not null)
        {
            Directory.CreateDirectory(dataDirectory);
            WritePrivate(Path.Combine(dataDirectory, CaFile), created.Authority.Export(X509ContentType.Pkcs12));
            WritePrivate(Path.Combine(dataDirectory, ServingFile), created.Serving.Export(X509ContentType.Pkcs12));
        }
        return created;
    }

    private static SandboxCertificates Create(DateTimeOffset now)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=kubemate-sandbox-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var authority = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));

        using var servingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var servingRequest = new CertificateRequest("CN=kubemate-sandbox-apiserver", servingKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        names.AddDnsName("localhost");
        names.AddDnsName("kubernetes.default.svc");
        servingRequest.CertificateExtensions.Add(names.Build());
        servingRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        servingRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        servingRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        servingRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var signed = servingRequest.Create(authority, now.AddMinutes(-5), now.AddYears(1), serial);
        using var withKey = signed.CopyWithPrivateKey(servingKey);
        // Round-trip through PKCS#12 so the key is usable by the TLS stack on every platform.
        return new SandboxCertificates(
            X509CertificateLoader.LoadPkcs12(authority.Export(X509ContentType.Pkcs12), null),
            X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null));
    }

    private static void WritePrivate(string path, byte[] content)
    {
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
