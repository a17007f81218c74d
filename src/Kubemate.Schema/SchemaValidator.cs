using System.Text.Json.Nodes;
using Kubemate.Schema.Validation;

namespace Kubemate.Schema;

/// <summary>
/// Validates a value against a structural schema the way the apiserver validates a custom resource: the OpenAPI
/// schema first, then embedded resources (<c>x-kubernetes-embedded-resource</c>), then list sets and maps
/// (<c>x-kubernetes-list-type</c>). Every problem is reported, not just the first.
/// </summary>
/// <remarks>
/// The value is taken as is: call <see cref="Pruner.Prune"/> and <see cref="Defaulter.ApplyDefaults"/> first to see it
/// as the apiserver would after decoding (or use <see cref="SchemaCatalog.Validate"/>, which does all three).
/// CEL rules (<c>x-kubernetes-validations</c>) are not evaluated.
/// </remarks>
public static class SchemaValidator
{
    public static IReadOnlyList<FieldError> Validate(JsonNode? value, StructuralSchema schema) => Validate(value, schema, FieldPath.Empty);

    /// <summary>Validates with field paths under <paramref name="path"/> (e.g. a default value under its schema path).</summary>
    public static IReadOnlyList<FieldError> Validate(JsonNode? value, StructuralSchema schema, FieldPath path)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(path);
        var errors = ValueValidator.Validate(value, schema, path);
        EmbeddedResourceValidator.Validate(value, schema, path, errors);
        ListTypeValidator.Validate(value, schema, path, errors);
        return errors;
    }
}
