namespace Kubemate.Renderers.Traefik;

/// <summary>The edge gateway's API group and the kinds Kubemate models.</summary>
public static class TraefikApi
{
    public const string ApiVersion = "traefik.io/v1alpha1";
    public const string IngressRouteKind = "IngressRoute";
    public const string MiddlewareKind = "Middleware";
    public const string TlsOptionKind = "TLSOption";
    public const string TraefikServiceKind = "TraefikService";
}
