namespace Kubemate.Renderers.Pki;

/// <summary>A certificate signing request for the mesh issuer, to be signed by an enterprise CA, and the private key that stays here.</summary>
public sealed record IssuerSigningRequest(string CertificateSigningRequestPem, string IssuerPrivateKeyPem);
