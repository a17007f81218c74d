using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;

namespace Kubemate.Schema.Validation;

/// <summary>
/// Checks objects marked <c>x-kubernetes-embedded-resource</c> as the apiserver does: <c>apiVersion</c> and
/// <c>kind</c> are required strings of the right shape, and <c>metadata</c>, when present, is valid object metadata.
/// </summary>
internal static class EmbeddedResourceValidator
{
    public static void Validate(JsonNode? value, StructuralSchema schema, FieldPath path, List<FieldError> errors) =>
        StructuralWalker.Walk(value, schema, path, (node, nodeSchema, nodePath) =>
        {
            if (nodeSchema.XEmbeddedResource && node is JsonObject obj)
            {
                ValidateResource(obj, nodePath, errors);
            }
        });

    private static void ValidateResource(JsonObject obj, FieldPath path, List<FieldError> errors)
    {
        if (!obj.ContainsKey("apiVersion"))
        {
            errors.Add(FieldError.Required(path.Child("apiVersion").ToString()));
        }
        if (!obj.ContainsKey("kind"))
        {
            errors.Add(FieldError.Required(path.Child("kind").ToString()));
        }
        foreach (var (key, value) in obj)
        {
            switch (key)
            {
                case "apiVersion":
                    ValidateApiVersion(value, path.Child(key), errors);
                    break;
                case "kind":
                    ValidateKind(value, path.Child(key), errors);
                    break;
                case "metadata":
                    ObjectMetaChecks.Validate(value, path.Child(key), errors);
                    break;
            }
        }
    }

    private static void ValidateApiVersion(JsonNode? value, FieldPath path, List<FieldError> errors)
    {
        if (!JsonSemantics.IsString(value, out var apiVersion))
        {
            errors.Add(FieldError.Invalid(path.ToString(), value, "must be a string"));
        }
        else if (apiVersion.Length == 0)
        {
            errors.Add(FieldError.Required(path.ToString()));
        }
        else if (apiVersion.Count(c => c == '/') > 1)
        {
            errors.Add(FieldError.Invalid(path.ToString(), apiVersion, "unexpected GroupVersion string: " + apiVersion));
        }
    }

    private static void ValidateKind(JsonNode? value, FieldPath path, List<FieldError> errors)
    {
        if (!JsonSemantics.IsString(value, out var kind))
        {
            errors.Add(FieldError.Invalid(path.ToString(), value, "must be a string"));
        }
        else if (kind.Length == 0)
        {
            errors.Add(FieldError.Required(path.ToString()));
        }
        else if (NameFormats.IsDns1035Label(kind.ToLowerInvariant()) is { Count: > 0 } problems)
        {
            errors.Add(FieldError.Invalid(path.ToString(), kind, "may have mixed case, but should otherwise match: " + string.Join(",", problems)));
        }
    }
}
