namespace Kubemate.Renderers.Pki;

/// <summary>
/// The mesh identity material in PEM: the trust anchors (one or more roots), the issuer certificate followed by any
/// intermediates up to the anchors, and the issuer's private key. The trust anchor's own key, when Kubemate made it,
/// is handed back once for offline keeping and is never rendered into the cluster.
/// </summary>
public sealed record MeshIdentityCredentials(
    string TrustAnchorsPem,
    string IssuerCertificateChainPem,
    string IssuerPrivateKeyPem,
    string? TrustAnchorPrivateKeyPem = null);
