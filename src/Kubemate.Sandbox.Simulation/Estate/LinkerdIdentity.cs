namespace Kubemate.Sandbox.Simulation.Estate;

/// <summary>
/// Linkerd's identity PKI as <c>linkerd install</c> expects it from the operator: a trust anchor (root CA, ten
/// years) and an issuer (intermediate CA, one year) signed by it, both ECDSA P-256.
/// </summary>
public sealed record LinkerdIdentity(PemCertificate TrustAnchor, PemCertificate Issuer)
{
    public static LinkerdIdentity Generate(DateTimeOffset now, string trustDomain = "cluster.local")
    {
        var notBefore = now.AddMinutes(-1);
        var anchor = Certificates.SelfSignedAuthority($"root.linkerd.{trustDomain}", notBefore, notBefore.AddYears(10), pathLength: 1);
        var issuer = Certificates.IntermediateAuthority(anchor, $"identity.linkerd.{trustDomain}", notBefore, notBefore.AddYears(1), pathLength: 0);
        return new LinkerdIdentity(anchor, issuer);
    }
}
