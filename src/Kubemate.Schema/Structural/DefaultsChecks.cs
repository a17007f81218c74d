using System.Text.Json.Nodes;
using Kubemate.Schema.Validation;

namespace Kubemate.Schema.Structural;

/// <summary>
/// Defaults must be pruned (no fields the schema would drop) and must validate against their own node, as the
/// apiserver checks when a CRD is created. Defaults inside resource metadata are not followed (they are forbidden at
/// the root; inside embedded resources they are left to the object-metadata checks at admission).
/// </summary>
internal static class DefaultsChecks
{
    private static readonly HashSet<string> ResourceMetaFields = new(StringComparer.Ordinal) { "metadata", "kind", "apiVersion" };

    public static void Check(StructuralSchema schema, FieldPath path, List<FieldError> errors) =>
        Check(schema, path, isResource: true, insideMeta: false, errors);

    private static void Check(StructuralSchema schema, FieldPath path, bool isResource, bool insideMeta, List<FieldError> errors)
    {
        isResource |= schema.XEmbeddedResource;
        if (schema.XEmbeddedResource)
        {
            insideMeta = false;
        }
        if (schema.HasDefault && !insideMeta)
        {
            CheckDefault(schema, path, errors);
        }
        if (schema.Items is { } items)
        {
            Check(items, path.Child("items"), false, insideMeta, errors);
        }
        foreach (var (name, property) in schema.Properties)
        {
            var meta = insideMeta || (isResource && ResourceMetaFields.Contains(name));
            Check(property, path.Child("properties").Key(name), false, meta, errors);
        }
    }

    private static void CheckDefault(StructuralSchema schema, FieldPath path, List<FieldError> errors)
    {
        var defaultPath = path.Child("default");
        var pruned = schema.Default!.DeepClone();
        if (Pruner.PruneValue(pruned, schema, schema.XEmbeddedResource).Count > 0)
        {
            errors.Add(FieldError.Invalid(defaultPath.ToString(), schema.Default, "must not have unknown fields"));
        }
        var defaultErrors = ValueValidator.Validate(schema.Default, schema, defaultPath);
        EmbeddedResourceValidator.Validate(schema.Default, schema, defaultPath, defaultErrors);
        errors.AddRange(defaultErrors);
    }
}
