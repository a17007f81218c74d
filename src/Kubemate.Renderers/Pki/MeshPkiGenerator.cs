using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kubemate.Model.Edge.Pki;
using Kubemate.Model.Validation;

namespace Kubemate.Renderers.Pki;

/// <summary>
/// Makes mesh identity material with ECDSA P-256 keys: a self-made trust anchor (root CA) and issuer (intermediate CA,
/// path length 0); or a signing request for an issuer that the enterprise CA signs, imported back afterwards.
/// </summary>
public sealed class MeshPkiGenerator(TimeProvider time)
{
    public MeshIdentityCredentials Generate(MeshIdentityPkiSpec spec)
    {
        ModelValidationException.ThrowIfInvalid(spec);
        var now = WholeSeconds(time.GetUtcNow());
        using var anchorKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var anchorRequest = new CertificateRequest($"CN={spec.TrustAnchorCommonName}", anchorKey, HashAlgorithmName.SHA256);
        anchorRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 1, true));
        anchorRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        anchorRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(anchorRequest.PublicKey, false));
        using var anchor = anchorRequest.CreateSelfSigned(now, now.AddDays(spec.TrustAnchorValidityDays));

        using var issuerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var issuerRequest = IssuerRequest(spec, issuerKey);
        issuerRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(anchor, true, false));
        using var issuer = issuerRequest.Create(anchor, now, now.AddDays(spec.IssuerValidityDays), SerialNumber());

        return new MeshIdentityCredentials(
            anchor.ExportCertificatePem() + "\n",
            issuer.ExportCertificatePem() + "\n",
            issuerKey.ExportECPrivateKeyPem() + "\n",
            anchorKey.ExportECPrivateKeyPem() + "\n");
    }

    /// <summary>A CSR for the issuer (CA, path length 0, the mesh's issuer name) to hand to the enterprise CA.</summary>
    public static IssuerSigningRequest CreateIssuerSigningRequest(MeshIdentityPkiSpec spec)
    {
        ModelValidationException.ThrowIfInvalid(spec);
        using var issuerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = IssuerRequest(spec, issuerKey);
        return new IssuerSigningRequest(request.CreateSigningRequestPem() + "\n", issuerKey.ExportECPrivateKeyPem() + "\n");
    }

    /// <summary>
    /// Puts the enterprise CA's answer together with the key kept from the request. <paramref name="signedChainPem"/>
    /// is the issuer certificate, then any intermediates; verify the result with <see cref="MeshPkiVerifier"/>.
    /// </summary>
    public static MeshIdentityCredentials ImportSignedIssuer(IssuerSigningRequest request, string signedChainPem, string trustAnchorsPem) =>
        new(trustAnchorsPem, signedChainPem, request.IssuerPrivateKeyPem);

    private static CertificateRequest IssuerRequest(MeshIdentityPkiSpec spec, ECDsa key)
    {
        var request = new CertificateRequest($"CN={spec.IssuerCommonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(spec.IssuerCommonName);
        request.CertificateExtensions.Add(names.Build());
        return request;
    }

    private static byte[] SerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        serial[0] |= 0x01;
        return serial;
    }

    // Certificates carry whole seconds; truncating keeps the issuer inside the anchor's validity.
    private static DateTimeOffset WholeSeconds(DateTimeOffset value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), value.Offset);
}
