namespace Kubemate.Renderers.CertManager;

public static class CertManagerApi
{
    public const string Group = "cert-manager.io";
    public const string ApiVersion = "cert-manager.io/v1";
    public const string CertificateKind = "Certificate";
    public const string IssuerKind = "Issuer";
    public const string ClusterIssuerKind = "ClusterIssuer";
}
