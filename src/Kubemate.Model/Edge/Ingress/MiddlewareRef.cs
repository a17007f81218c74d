using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Ingress;

/// <summary>A reference to a middleware; a name with '@' names one from another provider (<c>auth@file</c>) and is not resolved in the set.</summary>
public sealed record MiddlewareRef : IValidatable
{
    public required string Name { get; init; }

    public string? Namespace { get; init; }

    public JsonObject? UnknownFields { get; init; }

    public bool IsFromOtherProvider => Name.Contains('@', StringComparison.Ordinal);

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        if (IsFromOtherProvider)
        {
            return Namespace is null
                ? []
                : [new ValidationProblem(FieldPath.Child(path, "namespace"), "must be empty when the name names another provider (name@provider)")];
        }
        return EdgeChecks.ObjectName(FieldPath.Child(path, "name"), Name)
            .Concat(EdgeChecks.OptionalNamespace(FieldPath.Child(path, "namespace"), Namespace));
    }
}
