using System.Text.Json.Nodes;
using Kubemate.Model.Edge;
using Kubemate.Model.Edge.Certificates;
using Kubemate.Model.Edge.Ingress;
using Kubemate.Model.Validation;
using Kubemate.Renderers.Json;

namespace Kubemate.Renderers.CertManager;

/// <summary>cert-manager issuers (ACME with HTTP-01 through the edge's ingress class, or a CA from a secret) and certificates (ECDSA P-256 keys).</summary>
public static class CertManagerRenderer
{
    public static JsonObject RenderIssuer(CertificateIssuer issuer)
    {
        ModelValidationException.ThrowIfInvalid(issuer);
        return WriteIssuer(issuer);
    }

    public static JsonObject RenderCertificate(ManagedCertificate certificate)
    {
        ModelValidationException.ThrowIfInvalid(certificate);
        return WriteCertificate(certificate);
    }

    internal static JsonObject WriteIssuer(CertificateIssuer issuer)
    {
        var spec = new JsonObject();
        if (issuer.Acme is { } acme)
        {
            var solver = new JsonObject
            {
                ["http01"] = new JsonObject { ["ingress"] = new JsonObject { ["ingressClassName"] = acme.IngressClassName } },
            };
            spec["acme"] = new JsonObject { ["server"] = acme.Server }
                .Set("email", acme.Email)
                .Set("privateKeySecretRef", new JsonObject { ["name"] = acme.AccountKeySecretName })
                .Set("solvers", new JsonArray(solver));
        }
        if (issuer.Ca is { } ca)
        {
            spec["ca"] = new JsonObject { ["secretName"] = ca.SecretName };
        }
        var obj = KubeObject.Create(CertManagerApi.ApiVersion, issuer.ClusterScoped ? CertManagerApi.ClusterIssuerKind : CertManagerApi.IssuerKind, issuer.Metadata);
        obj["spec"] = spec;
        return obj.WithUnknown(issuer.UnknownFields);
    }

    internal static JsonObject WriteCertificate(ManagedCertificate certificate)
    {
        var obj = KubeObject.Create(CertManagerApi.ApiVersion, CertManagerApi.CertificateKind, certificate.Metadata);
        obj["spec"] = new JsonObject
        {
            ["secretName"] = certificate.SecretName,
            ["dnsNames"] = JsonMerge.Array(certificate.DnsNames.Select(n => (JsonNode?)JsonValue.Create(n))),
            ["issuerRef"] = new JsonObject
            {
                ["name"] = certificate.IssuerRef.Name,
                ["kind"] = certificate.IssuerRef.Kind,
                ["group"] = CertManagerApi.Group,
            },
        }
        .Set("duration", certificate.Duration)
        .Set("renewBefore", certificate.RenewBefore)
        .Set("privateKey", new JsonObject { ["algorithm"] = "ECDSA", ["size"] = 256, ["rotationPolicy"] = "Always" });
        return obj.WithUnknown(certificate.UnknownFields);
    }

    /// <summary>The certificate a route with a cert-manager issuer needs: its hosts, written into its TLS secret.</summary>
    public static ManagedCertificate ForRoute(IngressRoute route, string defaultNamespace)
    {
        var tls = route.Tls ?? throw new ArgumentException("the route has no TLS", nameof(route));
        var issuer = tls.Issuer ?? throw new ArgumentException("the route's TLS names no issuer", nameof(route));
        var secretName = tls.SecretName ?? throw new ArgumentException("the route's TLS names no secret", nameof(route));
        return new ManagedCertificate
        {
            Metadata = EdgeObjectMeta.Named(secretName, route.Metadata.NamespaceOr(defaultNamespace)),
            SecretName = secretName,
            DnsNames = route.Hosts(),
            IssuerRef = issuer,
        };
    }
}
