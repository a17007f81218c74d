using System.Text;
using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Pki;
using Kubemate.Model.Validation;
using Kubemate.Renderers.Json;

namespace Kubemate.Renderers.Pki;

/// <summary>
/// Renders verified mesh identity material: the issuer secret (<c>kubernetes.io/tls</c> with <c>ca.crt</c>, the
/// mesh's external-issuer scheme) and the trust-roots ConfigMap the proxies trust.
/// </summary>
public sealed class MeshPkiRenderer(TimeProvider time)
{
    public const string IssuerSecretName = "linkerd-identity-issuer";
    public const string TrustRootsConfigMapName = "linkerd-identity-trust-roots";
    public const string TrustRootsKey = "ca-bundle.crt";

    public IReadOnlyList<JsonObject> Render(MeshIdentityCredentials credentials, MeshIdentityPkiSpec spec)
    {
        ModelValidationException.ThrowIfInvalid(spec);
        var report = new MeshPkiVerifier(time).Verify(credentials, spec);
        if (!report.IsValid)
        {
            throw new ModelValidationException(report.Problems);
        }
        var secret = KubeObject.Create("v1", "Secret", IssuerSecretName, spec.ControlPlaneNamespace);
        secret["type"] = "kubernetes.io/tls";
        secret["data"] = new JsonObject
        {
            ["tls.crt"] = Base64(credentials.IssuerCertificateChainPem),
            ["tls.key"] = Base64(credentials.IssuerPrivateKeyPem),
            ["ca.crt"] = Base64(credentials.TrustAnchorsPem),
        };
        var trustRoots = KubeObject.Create("v1", "ConfigMap", TrustRootsConfigMapName, spec.ControlPlaneNamespace);
        trustRoots["data"] = new JsonObject { [TrustRootsKey] = credentials.TrustAnchorsPem };
        return [secret, trustRoots];
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.ASCII.GetBytes(text));
}
