using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge;

/// <summary>The metadata of an edge object. Fields Kubemate does not model (uid, resourceVersion, ownerReferences …) are kept verbatim.</summary>
public sealed record EdgeObjectMeta : IValidatable
{
    public required string Name { get; init; }

    /// <summary>Null means the namespace the objects are applied to.</summary>
    public string? Namespace { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary>Metadata fields the model does not understand, carried through untouched.</summary>
    public JsonObject? UnknownFields { get; init; }

    public static EdgeObjectMeta Named(string name, string? @namespace = null) => new() { Name = name, Namespace = @namespace };

    public string NamespaceOr(string defaultNamespace) => Namespace ?? defaultNamespace;

    public IEnumerable<ValidationProblem> Validate(string path = "") =>
        EdgeChecks.ObjectName(FieldPath.Child(path, "name"), Name)
            .Concat(EdgeChecks.OptionalNamespace(FieldPath.Child(path, "namespace"), Namespace))
            .Concat(EdgeChecks.Labels(FieldPath.Child(path, "labels"), Labels))
            .Concat(AnnotationKeys(FieldPath.Child(path, "annotations")));

    private IEnumerable<ValidationProblem> AnnotationKeys(string path) =>
        (Annotations ?? new Dictionary<string, string>()).Keys
            .Where(key => !EdgeSyntax.IsQualifiedName(key))
            .Select(key => new ValidationProblem(FieldPath.Key(path, key), "is not a valid annotation key"));
}
