using System.Text.Json.Nodes;
using Kubemate.Schema.Validation;

namespace Kubemate.Schema.Structural;

/// <summary>
/// The structural-schema invariants of the apiserver: every specified node has a type (unless int-or-string or
/// preserve-unknown-fields), arrays have items, embedded resources are objects with properties, the root is an
/// object without additionalProperties, and root metadata may only restrict name and generateName.
/// </summary>
internal static class StructuralInvariants
{
    public static void Check(JsonObject schema, FieldPath path, SchemaLevel level, List<FieldError> errors)
    {
        var type = schema.Text("type") ?? string.Empty;
        var embedded = schema.Flag("x-kubernetes-embedded-resource");
        var intOrString = schema.Flag("x-kubernetes-int-or-string");
        var preserveUnknown = schema.Flag("x-kubernetes-preserve-unknown-fields");

        if (type == "array" && schema["items"] is null)
        {
            errors.Add(FieldError.Required(path.Child("items").ToString(), "must be specified"));
        }
        if (schema.Map("items") is { } items)
        {
            Check(items, path.Child("items"), SchemaLevel.Item, errors);
        }
        foreach (var (name, property) in schema.PropertySchemas())
        {
            Check(property, path.Child("properties").Key(name), SchemaLevel.Field, errors);
        }
        if (schema["additionalProperties"] is { } additional)
        {
            if (level == SchemaLevel.Root)
            {
                errors.Add(FieldError.Forbidden(path.Child("additionalProperties").ToString(), "must not be used at the root"));
            }
            if (additional is JsonObject additionalSchema)
            {
                Check(additionalSchema, path.Child("additionalProperties"), SchemaLevel.Field, errors);
            }
        }

        if (intOrString && preserveUnknown)
        {
            errors.Add(FieldError.Invalid(path.Child("x-kubernetes-preserve-unknown-fields").ToString(), JsonValue.Create(true), "must be false if x-kubernetes-int-or-string is true"));
        }
        if (intOrString && embedded)
        {
            errors.Add(FieldError.Invalid(path.Child("x-kubernetes-embedded-resource").ToString(), JsonValue.Create(true), "must be false if x-kubernetes-int-or-string is true"));
        }

        ValueValidationChecks.CheckJunctors(schema, path, level, errors);

        if (embedded && type != "object")
        {
            errors.Add(type.Length == 0
                ? FieldError.Required(path.Child("type").ToString(), "must be object if x-kubernetes-embedded-resource is true")
                : FieldError.Invalid(path.Child("type").ToString(), type, "must be object if x-kubernetes-embedded-resource is true"));
        }
        else if (type.Length == 0 && !intOrString && !preserveUnknown)
        {
            var detail = level switch
            {
                SchemaLevel.Root => "must not be empty at the root",
                SchemaLevel.Item => "must not be empty for specified array items",
                _ => "must not be empty for specified object fields",
            };
            errors.Add(FieldError.Required(path.Child("type").ToString(), detail));
        }
        if (embedded && schema["additionalProperties"] is not null)
        {
            errors.Add(FieldError.Forbidden(path.Child("additionalProperties").ToString(), "must not be used if x-kubernetes-embedded-resource is set"));
        }
        if (level == SchemaLevel.Root && type.Length > 0 && type != "object")
        {
            errors.Add(FieldError.Invalid(path.Child("type").ToString(), type, "must be object at the root"));
        }

        var checkMetadata = level == SchemaLevel.Root || embedded;
        foreach (var field in new[] { "kind", "apiVersion" })
        {
            if (checkMetadata && schema.Property(field) is { } fieldSchema && fieldSchema.Text("type") != "string")
            {
                errors.Add(FieldError.Invalid(path.Child("properties").Key(field).Child("type").ToString(), fieldSchema.Text("type") ?? string.Empty, "must be string"));
            }
        }
        if (schema.Property("metadata") is { } metadata)
        {
            CheckMetadata(metadata, checkMetadata, level, path.Child("properties").Key("metadata"), errors);
        }
        if (embedded && !preserveUnknown && schema.Map("properties") is not { Count: > 0 })
        {
            errors.Add(FieldError.Required(path.Child("properties").ToString(), "must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields"));
        }
    }

    private static void CheckMetadata(JsonObject metadata, bool checkMetadata, SchemaLevel level, FieldPath path, List<FieldError> errors)
    {
        var type = metadata.Text("type") ?? string.Empty;
        if (checkMetadata && type != "object")
        {
            errors.Add(FieldError.Invalid(path.Child("type").ToString(), type, "must be object"));
        }
        if (level != SchemaLevel.Root)
        {
            return;
        }
        // At the root only type, a default (rejected elsewhere) and restrictions of name and generateName may appear.
        var onlyNameRestrictions = metadata.All(pair => pair.Key switch
        {
            "type" or "default" => true,
            "properties" => pair.Value is JsonObject properties && properties.All(p => p.Key is "name" or "generateName"),
            _ => false,
        });
        if (!onlyNameRestrictions)
        {
            errors.Add(FieldError.Forbidden(path.ToString(), "must not specify anything other than name and generateName, but metadata is implicitly specified"));
        }
    }
}
