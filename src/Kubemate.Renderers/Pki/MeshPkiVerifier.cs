using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kubemate.Model.Edge.Pki;
using Kubemate.Model.Validation;

namespace Kubemate.Renderers.Pki;

/// <summary>
/// Checks mesh identity material the way the mesh does before it trusts it: the issuer is an ECDSA P-256 CA for the
/// mesh's issuer name, its key matches, it chains to the trust anchors, and every certificate is within its validity.
/// </summary>
public sealed class MeshPkiVerifier(TimeProvider time)
{
    private const string NistP256Oid = "1.2.840.10045.3.1.7";

    public MeshPkiReport Verify(MeshIdentityCredentials credentials, MeshIdentityPkiSpec spec)
    {
        var now = time.GetUtcNow();
        var problems = new List<ValidationProblem>();
        var warnings = new List<string>();
        var validity = new List<CertificateValidity>();

        var anchors = ReadCertificates(credentials.TrustAnchorsPem, "trustAnchors", problems);
        var chain = ReadCertificates(credentials.IssuerCertificateChainPem, "issuerCertificate", problems);
        try
        {
            for (var i = 0; i < anchors.Count; i++)
            {
                var path = FieldPath.Index("trustAnchors", i);
                validity.Add(CheckTime(anchors[i], PkiRole.TrustAnchor, path, now, spec.ExpiryWarningDays, problems, warnings));
                CheckAnchorAlgorithm(anchors[i], path, problems);
            }
            for (var i = 1; i < chain.Count; i++)
            {
                validity.Add(CheckTime(chain[i], PkiRole.Intermediate, FieldPath.Index("issuerCertificate", i), now, spec.ExpiryWarningDays, problems, warnings));
            }
            if (chain.Count > 0)
            {
                var issuer = chain[0];
                validity.Insert(anchors.Count, CheckTime(issuer, PkiRole.Issuer, "issuerCertificate", now, spec.ExpiryWarningDays, problems, warnings));
                CheckIssuerAlgorithm(issuer, problems);
                CheckIssuerIsCa(issuer, problems);
                CheckIssuerName(issuer, spec, problems);
                CheckPrivateKey(issuer, credentials.IssuerPrivateKeyPem, problems);
                if (anchors.Count > 0)
                {
                    CheckChain(issuer, chain.Skip(1), anchors, now, problems);
                }
            }
        }
        finally
        {
            foreach (var certificate in anchors.Concat(chain))
            {
                certificate.Dispose();
            }
        }
        return new MeshPkiReport(validity, problems, warnings);
    }

    private static List<X509Certificate2> ReadCertificates(string pem, string path, List<ValidationProblem> problems)
    {
        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPem(pem);
        }
        catch (CryptographicException ex)
        {
            problems.Add(new(path, $"is not PEM certificates: {ex.Message}"));
            return [];
        }
        if (collection.Count == 0)
        {
            problems.Add(new(path, "holds no certificate"));
        }
        return [.. collection];
    }

    private static CertificateValidity CheckTime(X509Certificate2 certificate, PkiRole role, string path, DateTimeOffset now, int warningDays, List<ValidationProblem> problems, List<string> warnings)
    {
        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var days = (int)Math.Floor((notAfter - now).TotalDays);
        ValidityState state;
        if (now < notBefore)
        {
            state = ValidityState.NotYetValid;
            problems.Add(new(path, $"{Describe(role)} is not valid before {notBefore:u}"));
        }
        else if (now > notAfter)
        {
            state = ValidityState.Expired;
            problems.Add(new(path, $"{Describe(role)} expired on {notAfter:u}"));
        }
        else if (days < warningDays)
        {
            state = ValidityState.ExpiringSoon;
            warnings.Add($"{path}: {Describe(role)} expires in {days} days ({notAfter:u})");
        }
        else
        {
            state = ValidityState.Valid;
        }
        return new CertificateValidity(role, certificate.Subject, certificate.SerialNumber, KeyAlgorithm(certificate), notBefore, notAfter, days, state);
    }

    private static void CheckIssuerAlgorithm(X509Certificate2 issuer, List<ValidationProblem> problems)
    {
        if (!IsEcdsaP256(issuer))
        {
            problems.Add(new("issuerCertificate", $"the mesh needs an ECDSA P-256 issuer key, found {KeyAlgorithm(issuer)}"));
        }
    }

    // The mesh accepts RSA roots (enterprise CAs) but its own material is ECDSA P-256.
    private static void CheckAnchorAlgorithm(X509Certificate2 anchor, string path, List<ValidationProblem> problems)
    {
        using var rsa = anchor.GetRSAPublicKey();
        if (!IsEcdsaP256(anchor) && (rsa is null || rsa.KeySize < 2048))
        {
            problems.Add(new(path, $"trust anchors must use ECDSA P-256 (or RSA of at least 2048 bits), found {KeyAlgorithm(anchor)}"));
        }
    }

    private static void CheckIssuerIsCa(X509Certificate2 issuer, List<ValidationProblem> problems)
    {
        var constraints = issuer.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        if (constraints is not { CertificateAuthority: true })
        {
            problems.Add(new("issuerCertificate", "is not a CA certificate: it cannot sign workload certificates"));
        }
    }

    private static void CheckIssuerName(X509Certificate2 issuer, MeshIdentityPkiSpec spec, List<ValidationProblem> problems)
    {
        var dnsNames = issuer.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateDnsNames());
        var commonName = issuer.GetNameInfo(X509NameType.SimpleName, false);
        if (commonName != spec.IssuerCommonName && !dnsNames.Contains(spec.IssuerCommonName, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add(new("issuerCertificate", $"is issued to \"{commonName}\", the mesh needs \"{spec.IssuerCommonName}\""));
        }
    }

    private static void CheckPrivateKey(X509Certificate2 issuer, string keyPem, List<ValidationProblem> problems)
    {
        using var certificateKey = issuer.GetECDsaPublicKey();
        if (certificateKey is null)
        {
            return;
        }
        using var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(keyPem);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            problems.Add(new("issuerPrivateKey", $"is not a PEM ECDSA private key: {ex.Message}"));
            return;
        }
        if (!key.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(certificateKey.ExportSubjectPublicKeyInfo()))
        {
            problems.Add(new("issuerPrivateKey", "does not belong to the issuer certificate"));
        }
    }

    private static void CheckChain(X509Certificate2 issuer, IEnumerable<X509Certificate2> intermediates, IReadOnlyList<X509Certificate2> anchors, DateTimeOffset now, List<ValidationProblem> problems)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(anchors.ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(intermediates.ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        // Times are reported per certificate above; here only signatures and CA constraints count.
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid | X509VerificationFlags.IgnoreNotTimeNested;
        if (chain.Build(issuer))
        {
            return;
        }
        var reasons = chain.ChainStatus
            .Where(s => s.Status is not (X509ChainStatusFlags.NotTimeValid or X509ChainStatusFlags.NotTimeNested))
            .Select(s => s.StatusInformation.Trim())
            .Where(s => s.Length > 0)
            .Distinct()
            .ToList();
        if (reasons.Count > 0 || chain.ChainStatus.Length == 0)
        {
            problems.Add(new("issuerCertificate", "is not signed by the trust anchors" + (reasons.Count > 0 ? ": " + string.Join("; ", reasons) : "")));
        }
    }

    private static bool IsEcdsaP256(X509Certificate2 certificate)
    {
        using var key = certificate.GetECDsaPublicKey();
        return key is not null && key.ExportParameters(false).Curve.Oid.Value == NistP256Oid;
    }

    private static string KeyAlgorithm(X509Certificate2 certificate)
    {
        using var ecdsa = certificate.GetECDsaPublicKey();
        if (ecdsa is not null)
        {
            var curve = ecdsa.ExportParameters(false).Curve.Oid;
            return $"ECDSA {(curve.Value == NistP256Oid ? "P-256" : curve.FriendlyName ?? curve.Value)}";
        }
        using var rsa = certificate.GetRSAPublicKey();
        return rsa is not null ? $"RSA {rsa.KeySize}" : certificate.PublicKey.Oid.FriendlyName ?? "unknown";
    }

    private static string Describe(PkiRole role) => role switch
    {
        PkiRole.TrustAnchor => "the trust anchor",
        PkiRole.Intermediate => "the intermediate certificate",
        _ => "the issuer certificate",
    };
}
