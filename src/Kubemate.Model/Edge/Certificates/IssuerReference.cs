using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Certificates;

/// <summary>Which cert-manager issuer signs a certificate: a ClusterIssuer (the default) or an Issuer in the certificate's namespace.</summary>
public sealed record IssuerReference : IValidatable
{
    public const string ClusterIssuerKind = "ClusterIssuer";
    public const string IssuerKind = "Issuer";

    public required string Name { get; init; }

    public string Kind { get; init; } = ClusterIssuerKind;

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        foreach (var problem in EdgeChecks.ObjectName(FieldPath.Child(path, "name"), Name))
        {
            yield return problem;
        }
        if (Kind is not ClusterIssuerKind and not IssuerKind)
        {
            yield return new(FieldPath.Child(path, "kind"), $"\"{Kind}\" is not an issuer kind (ClusterIssuer or Issuer)");
        }
    }
}
