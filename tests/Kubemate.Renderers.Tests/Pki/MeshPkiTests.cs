using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Kubemate.Model.Edge.Pki;
using Kubemate.Model.Validation;
using Kubemate.Renderers.Pki;
using Microsoft.Extensions.Time.Testing;

namespace Kubemate.Renderers.Tests.Pki;

public class MeshPkiTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);
    private static readonly MeshIdentityPkiSpec Spec = new();

    private static MeshIdentityCredentials Generate(DateTimeOffset at, MeshIdentityPkiSpec? spec = null) =>
        new MeshPkiGenerator(new FakeTimeProvider(at)).Generate(spec ?? Spec);

    private static MeshPkiReport Verify(MeshIdentityCredentials credentials, DateTimeOffset at) =>
        new MeshPkiVerifier(new FakeTimeProvider(at)).Verify(credentials, Spec);

    [Fact]
    public void A_generated_trust_anchor_and_issuer_verify_and_report_their_validity()
    {
        var report = Verify(Generate(Start), Start.AddDays(1));

        Assert.True(report.IsValid, string.Join("\n", report.Problems));
        var anchor = report.Certificates.Single(c => c.Role == PkiRole.TrustAnchor);
        var issuer = report.Certificates.Single(c => c.Role == PkiRole.Issuer);
        Assert.Equal("CN=root.linkerd.cluster.local", anchor.Subject);
        Assert.Equal("CN=identity.linkerd.cluster.local", issuer.Subject);
        Assert.Equal(("ECDSA P-256", "ECDSA P-256"), (anchor.KeyAlgorithm, issuer.KeyAlgorithm));
        Assert.Equal(Start.AddDays(3650), anchor.NotAfter);
        Assert.Equal(3649, anchor.DaysToExpiry);
        Assert.Equal(364, issuer.DaysToExpiry);
        Assert.Equal(ValidityState.Valid, issuer.State);
    }

    [Fact]
    public void The_generated_issuer_is_a_ca_limited_to_signing_workload_certificates()
    {
        var credentials = Generate(Start);
        using var issuer = X509Certificate2.CreateFromPem(credentials.IssuerCertificateChainPem);

        var constraints = issuer.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        Assert.True(constraints.CertificateAuthority);
        Assert.True(constraints.HasPathLengthConstraint);
        Assert.Equal(0, constraints.PathLengthConstraint);
        Assert.Contains("identity.linkerd.cluster.local", issuer.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames());
    }

    [Fact]
    public void An_issuer_not_signed_by_the_trust_anchor_is_reported()
    {
        var first = Generate(Start);
        var second = Generate(Start);

        var report = Verify(first with { IssuerCertificateChainPem = second.IssuerCertificateChainPem, IssuerPrivateKeyPem = second.IssuerPrivateKeyPem }, Start.AddDays(1));

        Assert.Contains(report.Problems, p => p.Path == "issuerCertificate" && p.Reason.StartsWith("is not signed by the trust anchors", StringComparison.Ordinal));
    }

    [Fact]
    public void An_expired_issuer_is_reported()
    {
        var report = Verify(Generate(Start), Start.AddDays(400));

        Assert.Contains(report.Problems, p => p.Path == "issuerCertificate" && p.Reason.Contains("expired on 2027-03-01"));
        Assert.Equal(ValidityState.Expired, report.Certificates.Single(c => c.Role == PkiRole.Issuer).State);
        Assert.DoesNotContain(report.Problems, p => p.Path.StartsWith("trustAnchors", StringComparison.Ordinal));
    }

    [Fact]
    public void Material_that_is_not_yet_valid_is_reported()
    {
        var report = Verify(Generate(Start), Start.AddHours(-2));

        Assert.Contains(report.Problems, p => p.Path == "trustAnchors[0]" && p.Reason.Contains("not valid before"));
        Assert.Contains(report.Problems, p => p.Path == "issuerCertificate" && p.Reason.Contains("not valid before"));
    }

    [Fact]
    public void An_issuer_close_to_expiry_is_a_warning_not_a_problem()
    {
        var report = Verify(Generate(Start), Start.AddDays(350));

        Assert.True(report.IsValid);
        Assert.Equal(ValidityState.ExpiringSoon, report.Certificates.Single(c => c.Role == PkiRole.Issuer).State);
        Assert.Contains(report.Warnings, w => w.StartsWith("issuerCertificate: the issuer certificate expires in 15 days", StringComparison.Ordinal));
    }

    [Fact]
    public void An_rsa_issuer_is_reported_because_the_mesh_needs_ecdsa()
    {
        var credentials = Generate(Start);
        using var anchor = X509Certificate2.CreateFromPem(credentials.TrustAnchorsPem, credentials.TrustAnchorPrivateKeyPem);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=identity.linkerd.cluster.local", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using var anchorKey = anchor.GetECDsaPrivateKey()!;
        using var issuer = request.Create(anchor.SubjectName, X509SignatureGenerator.CreateForECDsa(anchorKey), Start, Start.AddDays(30), [1, 2, 3, 4]);

        var report = Verify(credentials with { IssuerCertificateChainPem = issuer.ExportCertificatePem(), IssuerPrivateKeyPem = rsa.ExportRSAPrivateKeyPem() }, Start.AddDays(1));

        Assert.Contains(report.Problems, p => p.Path == "issuerCertificate" && p.Reason == "the mesh needs an ECDSA P-256 issuer key, found RSA 2048");
        Assert.DoesNotContain(report.Problems, p => p.Reason.Contains("not signed"));
    }

    [Fact]
    public void A_private_key_that_does_not_match_the_issuer_is_reported()
    {
        var credentials = Generate(Start);

        var report = Verify(credentials with { IssuerPrivateKeyPem = Generate(Start).IssuerPrivateKeyPem }, Start.AddDays(1));

        Assert.Contains(report.Problems, p => p.Path == "issuerPrivateKey" && p.Reason == "does not belong to the issuer certificate");
    }

    [Fact]
    public void An_issuer_for_another_trust_domain_is_reported()
    {
        var credentials = Generate(Start, Spec with { TrustDomain = "other.local" });

        var report = Verify(credentials, Start.AddDays(1));

        Assert.Contains(report.Problems, p => p.Path == "issuerCertificate" && p.Reason.Contains("the mesh needs \"identity.linkerd.cluster.local\""));
    }

    [Fact]
    public void An_issuer_signed_by_an_enterprise_ca_from_a_signing_request_verifies_against_the_enterprise_root()
    {
        using var enterpriseKey = RSA.Create(3072);
        var rootRequest = new CertificateRequest("CN=Bank Enterprise Root CA", enterpriseKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var enterpriseRoot = rootRequest.CreateSelfSigned(Start.AddYears(-1), Start.AddYears(10));

        var pending = MeshPkiGenerator.CreateIssuerSigningRequest(Spec);
        var received = CertificateRequest.LoadSigningRequestPem(pending.CertificateSigningRequestPem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions, RSASignaturePadding.Pkcs1);
        using var signed = received.Create(enterpriseRoot.SubjectName, X509SignatureGenerator.CreateForRSA(enterpriseKey, RSASignaturePadding.Pkcs1), Start, Start.AddDays(180), [7, 7, 7, 7]);
        var credentials = MeshPkiGenerator.ImportSignedIssuer(pending, signed.ExportCertificatePem(), enterpriseRoot.ExportCertificatePem());

        var report = Verify(credentials, Start.AddDays(1));

        Assert.True(report.IsValid, string.Join("\n", report.Problems));
        Assert.Equal("RSA 3072", report.Certificates.Single(c => c.Role == PkiRole.TrustAnchor).KeyAlgorithm);
        Assert.Equal("ECDSA P-256", report.Certificates.Single(c => c.Role == PkiRole.Issuer).KeyAlgorithm);
        Assert.Contains("BEGIN CERTIFICATE REQUEST", pending.CertificateSigningRequestPem);
    }

    [Fact]
    public void The_issuer_secret_and_the_trust_roots_are_rendered_for_the_mesh()
    {
        var credentials = Generate(Start);

        var objects = new MeshPkiRenderer(new FakeTimeProvider(Start.AddDays(1))).Render(credentials, Spec);

        var secret = objects.Single(o => o["kind"]!.GetValue<string>() == "Secret");
        Assert.Equal(("linkerd-identity-issuer", "linkerd"), (secret["metadata"]!["name"]!.GetValue<string>(), secret["metadata"]!["namespace"]!.GetValue<string>()));
        Assert.Equal("kubernetes.io/tls", secret["type"]!.GetValue<string>());
        Assert.Equal(credentials.IssuerCertificateChainPem, Decode(secret["data"]!["tls.crt"]!.GetValue<string>()));
        Assert.Equal(credentials.IssuerPrivateKeyPem, Decode(secret["data"]!["tls.key"]!.GetValue<string>()));
        Assert.Equal(credentials.TrustAnchorsPem, Decode(secret["data"]!["ca.crt"]!.GetValue<string>()));
        var roots = objects.Single(o => o["kind"]!.GetValue<string>() == "ConfigMap");
        Assert.Equal("linkerd-identity-trust-roots", roots["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal(credentials.TrustAnchorsPem, roots["data"]!["ca-bundle.crt"]!.GetValue<string>());
        Assert.DoesNotContain(objects, o => o.ToJsonString().Contains(Convert.ToBase64String(Encoding.ASCII.GetBytes(credentials.TrustAnchorPrivateKeyPem!)), StringComparison.Ordinal));
    }

    [Fact]
    public void Expired_material_is_not_rendered()
    {
        var credentials = Generate(Start);

        var error = Assert.Throws<ModelValidationException>(() => new MeshPkiRenderer(new FakeTimeProvider(Start.AddDays(366))).Render(credentials, Spec));

        Assert.Contains(error.Problems, p => p.Path == "issuerCertificate");
    }

    [Fact]
    public void An_issuer_that_would_outlive_the_trust_anchor_is_rejected_before_anything_is_made()
    {
        var error = Assert.Throws<ModelValidationException>(() => Generate(Start, Spec with { TrustAnchorValidityDays = 30, IssuerValidityDays = 365 }));

        Assert.Contains(error.Problems, p => p.Path == "issuerValidityDays");
    }

    private static string Decode(string base64) => Encoding.ASCII.GetString(Convert.FromBase64String(base64));
}
