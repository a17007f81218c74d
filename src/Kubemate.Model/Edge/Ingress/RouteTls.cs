using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Certificates;
using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Ingress;

/// <summary>
/// TLS of a route: by an existing secret, or by a cert-manager issuer that writes the secret
/// (then a Certificate for the route's hosts is rendered beside the route). An empty object means the edge's default certificate.
/// </summary>
public sealed record RouteTls : IValidatable
{
    public string? SecretName { get; init; }

    /// <summary>Have cert-manager issue <see cref="SecretName"/> for the route's hosts (not an edge field: it renders a Certificate).</summary>
    public IssuerReference? Issuer { get; init; }

    public string? CertResolver { get; init; }

    public TlsOptionRef? Options { get; init; }

    public JsonObject? UnknownFields { get; init; }

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        if (SecretName is not null)
        {
            problems.AddRange(EdgeChecks.ObjectName(FieldPath.Child(path, "secretName"), SecretName));
        }
        if (Issuer is not null)
        {
            problems.AddRange(Issuer.Validate(FieldPath.Child(path, "issuer")));
            if (SecretName is null)
            {
                problems.Add(new(FieldPath.Child(path, "secretName"), "is required when an issuer is given: cert-manager writes the certificate into it"));
            }
            if (CertResolver is not null)
            {
                problems.Add(new(FieldPath.Child(path, "certResolver"), "cannot be combined with a cert-manager issuer"));
            }
        }
        if (Options is not null)
        {
            problems.AddRange(Options.Validate(FieldPath.Child(path, "options")));
        }
        return problems;
    }
}
