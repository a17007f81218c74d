using System.Text;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;

namespace Kubemate.Schema.Validation;

/// <summary>
/// The object-metadata checks the apiserver applies to embedded resources: shape of the well-known fields,
/// name and namespace syntax, label keys and values, annotation keys and their total size.
/// </summary>
internal static class ObjectMetaChecks
{
    private const int TotalAnnotationSizeLimit = 256 * 1024;

    public static void Validate(JsonNode? metadata, FieldPath path, List<FieldError> errors)
    {
        if (metadata is not JsonObject meta)
        {
            errors.Add(FieldError.Invalid(path.ToString(), metadata, "must be an object"));
            return;
        }
        if (StringField(meta, "name", path, errors) is { Length: > 0 } name)
        {
            foreach (var problem in NameFormats.IsPathSegmentName(name))
            {
                errors.Add(FieldError.Invalid(path.Child("name").ToString(), name, problem));
            }
        }
        StringField(meta, "generateName", path, errors);
        if (StringField(meta, "namespace", path, errors) is { Length: > 0 } ns)
        {
            foreach (var problem in NameFormats.IsDns1123Label(ns))
            {
                errors.Add(FieldError.Invalid(path.Child("namespace").ToString(), ns, problem));
            }
        }
        if (StringMap(meta, "labels", path, errors) is { } labels)
        {
            var labelsPath = path.Child("labels").ToString();
            foreach (var (key, value) in labels)
            {
                errors.AddRange(NameFormats.IsQualifiedName(key).Select(problem => FieldError.Invalid(labelsPath, key, problem)));
                errors.AddRange(NameFormats.IsLabelValue(value).Select(problem => FieldError.Invalid(labelsPath, value, problem)));
            }
        }
        if (StringMap(meta, "annotations", path, errors) is { } annotations)
        {
            var annotationsPath = path.Child("annotations").ToString();
            var totalSize = 0;
            foreach (var (key, value) in annotations)
            {
                errors.AddRange(NameFormats.IsQualifiedName(key.ToLowerInvariant()).Select(problem => FieldError.Invalid(annotationsPath, key, problem)));
                totalSize += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value);
            }
            if (totalSize > TotalAnnotationSizeLimit)
            {
                errors.Add(new FieldError(annotationsPath, FieldErrorType.TooLong, $"may not be more than {TotalAnnotationSizeLimit} bytes"));
            }
        }
    }

    private static string? StringField(JsonObject meta, string name, FieldPath path, List<FieldError> errors)
    {
        if (!meta.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }
        if (JsonSemantics.IsString(node, out var text))
        {
            return text;
        }
        errors.Add(FieldError.Invalid(path.Child(name).ToString(), node, "must be a string"));
        return null;
    }

    private static List<(string Key, string Value)>? StringMap(JsonObject meta, string name, FieldPath path, List<FieldError> errors)
    {
        if (!meta.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }
        if (node is JsonObject map && map.All(pair => JsonSemantics.IsString(pair.Value, out _)))
        {
            return map.Select(pair => (pair.Key, JsonSemantics.IsString(pair.Value, out var text) ? text : string.Empty)).ToList();
        }
        errors.Add(FieldError.Invalid(path.Child(name).ToString(), node, "must be a map of strings"));
        return null;
    }
}
