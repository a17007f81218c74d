using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Pki;

/// <summary>The mesh identity PKI: a trust anchor (root CA) and an issuer (intermediate CA) the mesh's identity service signs workload certificates with.</summary>
public sealed record MeshIdentityPkiSpec : IValidatable
{
    public string TrustDomain { get; init; } = "cluster.local";

    /// <summary>Where the issuer secret and the trust-roots ConfigMap go.</summary>
    public string ControlPlaneNamespace { get; init; } = "linkerd";

    public int TrustAnchorValidityDays { get; init; } = 3650;

    public int IssuerValidityDays { get; init; } = 365;

    /// <summary>A certificate that expires within this many days is reported as expiring soon.</summary>
    public int ExpiryWarningDays { get; init; } = 30;

    public string TrustAnchorCommonName => $"root.linkerd.{TrustDomain}";

    /// <summary>The name the mesh requires on its issuer certificate.</summary>
    public string IssuerCommonName => $"identity.linkerd.{TrustDomain}";

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        problems.AddRange(EdgeChecks.HostName(FieldPath.Child(path, "trustDomain"), TrustDomain));
        problems.AddRange(EdgeChecks.LabelName(FieldPath.Child(path, "controlPlaneNamespace"), ControlPlaneNamespace));
        if (TrustAnchorValidityDays <= 0)
        {
            problems.Add(new(FieldPath.Child(path, "trustAnchorValidityDays"), $"{TrustAnchorValidityDays} must be positive"));
        }
        if (IssuerValidityDays <= 0)
        {
            problems.Add(new(FieldPath.Child(path, "issuerValidityDays"), $"{IssuerValidityDays} must be positive"));
        }
        else if (IssuerValidityDays > TrustAnchorValidityDays)
        {
            problems.Add(new(FieldPath.Child(path, "issuerValidityDays"), $"{IssuerValidityDays} days outlives the trust anchor ({TrustAnchorValidityDays} days)"));
        }
        if (ExpiryWarningDays < 0)
        {
            problems.Add(new(FieldPath.Child(path, "expiryWarningDays"), $"{ExpiryWarningDays} is negative"));
        }
        return problems;
    }
}
