using System.Text.Json.Nodes;
using Kubemate.Model;
using Kubemate.Model.Edge.Alerts;
using Kubemate.Model.Edge.Certificates;
using Kubemate.Model.Edge.Egress;
using Kubemate.Model.Edge.Gateway;
using Kubemate.Model.Edge.Ingress;
using Kubemate.Model.Edge.Middlewares;
using Kubemate.Model.Edge.Network;
using Kubemate.Model.Edge.Pki;
using Kubemate.Model.Serialization;

namespace Kubemate.Modeling;

/// <summary>
/// Every document kind a model file may hold. Mesh models keep the names and shapes of <see cref="ModelJson"/>;
/// the edge and platform kinds are named after the model they hold (edge objects with an <c>Edge</c> prefix, so they
/// are not mistaken for the gateway's own kinds).
/// </summary>
public static class ModelKinds
{
    public const string Verbatim = "Verbatim";

    public static IReadOnlyList<ModelKind> All { get; } =
    [
        ModelKind.Of<MeshSettings>("MeshSettings", "the mesh the file's mesh models are rendered for, unless --mesh says otherwise"),
        .. ModelJson.ModelKinds.Select(Mesh),
        ModelKind.Of<EdgeSettings>("EdgeSettings", "default namespace of the edge set, and objects its references may name that exist in the cluster"),
        ModelKind.Of<IngressRoute>("EdgeRoute", "an ingress route at the edge gateway (Traefik IngressRoute)"),
        ModelKind.Of<Middleware>("EdgeMiddleware", "an edge middleware (Traefik Middleware)"),
        ModelKind.Of<TlsPolicy>("EdgeTlsPolicy", "edge TLS settings (Traefik TLSOption)"),
        ModelKind.Of<EdgeService>("EdgeService", "a load-balancing edge service (Traefik TraefikService)"),
        ModelKind.Of<EdgeCanary>("EdgeCanary", "an edge canary: a weighted TraefikService from a stable and a canary backend"),
        ModelKind.Of<CertificateIssuer>("CertificateIssuer", "a cert-manager (Cluster)Issuer: ACME or CA"),
        ModelKind.Of<ManagedCertificate>("ManagedCertificate", "a cert-manager Certificate"),
        ModelKind.Of<NetworkAccessRule>("NetworkAccessRule", "an L3/L4 allow rule (NetworkPolicy)"),
        ModelKind.Of<NamespaceIsolation>("NamespaceIsolation", "default-deny ingress for a namespace with the platform's exceptions (NetworkPolicy)"),
        ModelKind.Of<GatewayDeploymentProfile>("GatewayDeploymentProfile", "how the edge gateway runs (Deployment, Service, PodDisruptionBudget, HorizontalPodAutoscaler)"),
        ModelKind.Of<EgressGatewayBundle>("EgressGatewayBundle", "an egress gateway with its routes and NetworkPolicy lockdown"),
        ModelKind.Of<AlertRuleSet>("AlertRuleSet", "alert rules for the gateway and the mesh (PrometheusRule)"),
        ModelKind.Of<MeshIdentityPkiSpec>("MeshIdentityPki", "a freshly generated mesh identity trust anchor and issuer (Secret, ConfigMap)"),
        ModelKind.Of<VerbatimObject>(Verbatim, "a Kubernetes object kept exactly as read"),
    ];

    public static ModelKind? Find(string name) => All.FirstOrDefault(k => k.Name == name);

    public static ModelKind For(object model) =>
        All.FirstOrDefault(k => k.Holds(model)) ?? throw new ArgumentException($"{model.GetType().Name} is not a model-file kind", nameof(model));

    private static ModelKind Mesh(string name) => new(
        name,
        "a mesh-neutral model, rendered by the mesh driver",
        spec => ModelJson.FromDocument(new JsonObject { ["kind"] = name, ["spec"] = spec.DeepClone() }),
        model => ModelJson.ToDocument((IMeshModel)model)["spec"]?.DeepClone(),
        model => model is IMeshModel mesh && mesh.ModelKind == name);
}
