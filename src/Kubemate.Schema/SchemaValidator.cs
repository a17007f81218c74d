using System.Text.Json.Nodes;
using Kubemate.Schema.Validation;

namespace Kubemate.Schema;

/// <summary>
/// Validates a value against a structural schema the way the apiserver validates a custom resource: the OpenAPI
/// schema first, then embedded resources (<c>x-kubernetes-embedded-resource</c>), list sets and maps
/// (<c>x-kubernetes-list-type</c>), then the CEL rules (<c>x-kubernetes-validations</c>). Every problem is reported,
/// not just the first.
/// </summary>
/// <remarks>
/// The value is taken as is: call <see cref="Pruner.Prune"/> and <see cref="Defaulter.ApplyDefaults"/> first to see it
/// as the apiserver would after decoding (or use <see cref="SchemaCatalog.Validate"/>, which does all three).
/// Transition rules (those reading <c>oldSelf</c>) run only in <see cref="ValidateUpdate"/>.
/// </remarks>
public static class SchemaValidator
{
    public static IReadOnlyList<FieldError> Validate(JsonNode? value, StructuralSchema schema) => Validate(value, schema, FieldPath.Empty);

    /// <summary>Validates with field paths under <paramref name="path"/> (e.g. a default value under its schema path).</summary>
    public static IReadOnlyList<FieldError> Validate(JsonNode? value, StructuralSchema schema, FieldPath path) =>
        Validate(value, null, isUpdate: false, schema, path);

    /// <summary>Validates an update: as <see cref="Validate(JsonNode?, StructuralSchema)"/>, plus the transition rules against <paramref name="oldValue"/>.</summary>
    public static IReadOnlyList<FieldError> ValidateUpdate(JsonNode? value, JsonNode? oldValue, StructuralSchema schema) =>
        Validate(value, oldValue, isUpdate: true, schema, FieldPath.Empty);

    private static List<FieldError> Validate(JsonNode? value, JsonNode? oldValue, bool isUpdate, StructuralSchema schema, FieldPath path)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(path);
        var errors = ValueValidator.Validate(value, schema, path);
        EmbeddedResourceValidator.Validate(value, schema, path, errors);
        ListTypeValidator.Validate(value, schema, path, errors);
        CelRuleValidator.Validate(value, oldValue, isUpdate, schema, path, errors);
        return errors;
    }
}
