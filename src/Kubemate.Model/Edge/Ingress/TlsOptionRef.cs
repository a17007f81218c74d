using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Ingress;

/// <summary>A reference to a TLS policy (TLSOption) by name.</summary>
public sealed record TlsOptionRef : IValidatable
{
    public required string Name { get; init; }

    public string? Namespace { get; init; }

    public JsonObject? UnknownFields { get; init; }

    public IEnumerable<ValidationProblem> Validate(string path = "") =>
        EdgeChecks.ObjectName(FieldPath.Child(path, "name"), Name)
            .Concat(EdgeChecks.OptionalNamespace(FieldPath.Child(path, "namespace"), Namespace));
}
