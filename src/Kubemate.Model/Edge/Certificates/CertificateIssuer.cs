using System.Text.Json.Nodes;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Certificates;

/// <summary>A cert-manager issuer: ACME for public names or a CA for private ones; cluster-wide (ClusterIssuer) or in one namespace (Issuer).</summary>
public sealed record CertificateIssuer : IValidatable
{
    public required EdgeObjectMeta Metadata { get; init; }

    /// <summary>True for a ClusterIssuer, usable from every namespace.</summary>
    public bool ClusterScoped { get; init; } = true;

    public AcmeIssuer? Acme { get; init; }

    public CaIssuer? Ca { get; init; }

    public JsonObject? UnknownFields { get; init; }

    public IssuerReference Reference() => new()
    {
        Name = Metadata.Name,
        Kind = ClusterScoped ? IssuerReference.ClusterIssuerKind : IssuerReference.IssuerKind,
    };

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        problems.AddRange(Metadata.Validate(FieldPath.Child(path, "metadata")));
        if (ClusterScoped && Metadata.Namespace is not null)
        {
            problems.Add(new(FieldPath.Child(FieldPath.Child(path, "metadata"), "namespace"), "must be empty for a cluster-scoped issuer"));
        }
        if ((Acme is null) == (Ca is null))
        {
            problems.Add(new(path, "give exactly one of acme or ca"));
        }
        if (Acme is not null)
        {
            problems.AddRange(Acme.Validate(FieldPath.Child(path, "acme")));
        }
        if (Ca is not null)
        {
            problems.AddRange(Ca.Validate(FieldPath.Child(path, "ca")));
        }
        return problems;
    }
}
