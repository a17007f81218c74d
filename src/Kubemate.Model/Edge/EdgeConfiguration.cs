using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Certificates;
using Kubemate.Model.Edge.Ingress;
using Kubemate.Model.Edge.Middlewares;
using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge;

/// <summary>
/// A set of edge objects that are rendered and applied together. References inside the set (middlewares, TLS secrets,
/// TLS policies, edge services) must resolve within it; objects the edge model does not model ride along verbatim.
/// </summary>
public sealed record EdgeConfiguration : IValidatable
{
    /// <summary>The namespace of objects whose metadata names none.</summary>
    public string DefaultNamespace { get; init; } = "default";

    public IReadOnlyList<IngressRoute> IngressRoutes { get; init; } = [];

    public IReadOnlyList<Middleware> Middlewares { get; init; } = [];

    public IReadOnlyList<TlsPolicy> TlsPolicies { get; init; } = [];

    public IReadOnlyList<EdgeService> Services { get; init; } = [];

    public IReadOnlyList<EdgeCanary> Canaries { get; init; } = [];

    public IReadOnlyList<CertificateIssuer> Issuers { get; init; } = [];

    public IReadOnlyList<ManagedCertificate> Certificates { get; init; } = [];

    /// <summary>Secrets that exist outside the set (created by the platform team), so references to them resolve.</summary>
    public IReadOnlyList<NamespacedName> ExistingSecrets { get; init; } = [];

    /// <summary>Objects the edge model does not model (Services, Secrets, TCP routes …), carried through verbatim.</summary>
    public IReadOnlyList<JsonObject> Passthrough { get; init; } = [];

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        problems.AddRange(EdgeChecks.LabelName(FieldPath.Child(path, "defaultNamespace"), DefaultNamespace));
        problems.AddRange(EdgeChecks.Each(FieldPath.Child(path, "ingressRoutes"), IngressRoutes));
        problems.AddRange(EdgeChecks.Each(FieldPath.Child(path, "middlewares"), Middlewares));
        problems.AddRange(EdgeChecks.Each(FieldPath.Child(path, "tlsPolicies"), TlsPolicies));
        problems.AddRange(EdgeChecks.Each(FieldPath.Child(path, "services"), Services));
        problems.AddRange(EdgeChecks.Each(FieldPath.Child(path, "canaries"), Canaries));
        problems.AddRange(EdgeChecks.Each(FieldPath.Child(path, "issuers"), Issuers));
        problems.AddRange(EdgeChecks.Each(FieldPath.Child(path, "certificates"), Certificates));
        problems.AddRange(new EdgeReferenceCheck(this, path).Problems());
        return problems;
    }
}
