using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Certificates;

/// <summary>A private CA whose certificate and key live in a kubernetes.io/tls Secret; signs names that are not public.</summary>
public sealed record CaIssuer : IValidatable
{
    public required string SecretName { get; init; }

    public IEnumerable<ValidationProblem> Validate(string path = "") =>
        EdgeChecks.ObjectName(FieldPath.Child(path, "secretName"), SecretName);
}
