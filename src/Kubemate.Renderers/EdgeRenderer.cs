using System.Text.Json.Nodes;
using Kubemate.Model.Edge;
using Kubemate.Model.Validation;
using Kubemate.Renderers.CertManager;
using Kubemate.Renderers.Traefik;

namespace Kubemate.Renderers;

/// <summary>
/// Renders a whole edge configuration for apply: validates it (every problem at once, nothing rendered when any), then
/// writes the issuers, certificates (including those routes ask for by issuer), edge objects and the verbatim objects.
/// </summary>
public static class EdgeRenderer
{
    public static IReadOnlyList<JsonObject> Render(EdgeConfiguration configuration)
    {
        ModelValidationException.ThrowIfInvalid(configuration);
        var explicitCertificates = configuration.Certificates
            .Select(c => (c.Metadata.NamespaceOr(configuration.DefaultNamespace), c.SecretName))
            .ToHashSet();
        var routeCertificates = configuration.IngressRoutes
            .Where(r => r.Tls?.Issuer is not null)
            .Select(r => CertManagerRenderer.ForRoute(r, configuration.DefaultNamespace))
            .Where(c => !explicitCertificates.Contains((c.Metadata.Namespace!, c.SecretName)))
            .GroupBy(c => (c.Metadata.Namespace, c.SecretName))
            .Select(routesSharingSecret => routesSharingSecret.First() with
            {
                DnsNames = routesSharingSecret.SelectMany(c => c.DnsNames).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            });
        return
        [
            .. configuration.Issuers.Select(CertManagerRenderer.WriteIssuer),
            .. configuration.Certificates.Select(CertManagerRenderer.WriteCertificate),
            .. routeCertificates.Select(CertManagerRenderer.WriteCertificate),
            .. TraefikWriter.WriteWithPassthrough(configuration),
        ];
    }
}
