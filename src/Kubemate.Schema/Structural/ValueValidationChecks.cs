using System.Text.Json.Nodes;
using Kubemate.Schema.Validation;

namespace Kubemate.Schema.Structural;

/// <summary>
/// Rules for the value validations under allOf/anyOf/oneOf/not: they may only constrain values, never declare
/// types, defaults, descriptions or Kubernetes extensions (except the two int-or-string idioms), never mention
/// metadata, and every field or list they mention must be declared in the structural part too.
/// </summary>
internal static class ValueValidationChecks
{
    public static void CheckJunctors(JsonObject schema, FieldPath path, SchemaLevel level, List<FieldError> errors)
    {
        CheckValueValidation(schema, IsIntOrStringAnyOf(schema), IsIntOrStringAllOf(schema), level, path, errors);
        CheckCompleteness(schema, schema, path, path, errors);
    }

    private static void CheckValueValidation(JsonObject schema, bool skipAnyOf, bool skipFirstAllOfAnyOf, SchemaLevel level, FieldPath path, List<FieldError> errors)
    {
        if (!skipAnyOf)
        {
            foreach (var (index, branch) in schema.Branches("anyOf"))
            {
                CheckNested(branch, false, level, path.Child("anyOf").Index(index), errors);
            }
        }
        foreach (var (index, branch) in schema.Branches("allOf"))
        {
            CheckNested(branch, skipFirstAllOfAnyOf && index == 0, level, path.Child("allOf").Index(index), errors);
        }
        foreach (var (index, branch) in schema.Branches("oneOf"))
        {
            CheckNested(branch, false, level, path.Child("oneOf").Index(index), errors);
        }
        if (schema.Map("not") is { } not)
        {
            CheckNested(not, false, level, path.Child("not"), errors);
        }
        if (schema.Text("pattern") is { } pattern && GoRegex.TryCompile(pattern, out var problem) is null)
        {
            errors.Add(FieldError.Invalid(path.Child("pattern").ToString(), pattern, "must be a valid regular expression, but isn't: " + problem));
        }
    }

    private static void CheckNested(JsonObject branch, bool skipAnyOf, SchemaLevel level, FieldPath path, List<FieldError> errors)
    {
        CheckValueValidation(branch, skipAnyOf, false, level, path, errors);
        if (branch.Map("items") is { } items)
        {
            CheckNested(items, false, level, path.Child("items"), errors);
        }
        foreach (var (name, property) in branch.PropertySchemas())
        {
            CheckNested(property, false, SchemaLevel.Field, path.Child("properties").Key(name), errors);
        }

        if (!string.IsNullOrEmpty(branch.Text("type")))
        {
            errors.Add(FieldError.Forbidden(path.Child("type").ToString(), "must be empty to be structural"));
        }
        if (branch["additionalProperties"] is not null)
        {
            errors.Add(FieldError.Forbidden(path.Child("additionalProperties").ToString(), "must be undefined to be structural"));
        }
        if (branch["default"] is not null)
        {
            errors.Add(FieldError.Forbidden(path.Child("default").ToString(), "must be undefined to be structural"));
        }
        if (!string.IsNullOrEmpty(branch.Text("title")))
        {
            errors.Add(FieldError.Forbidden(path.Child("title").ToString(), "must be empty to be structural"));
        }
        if (!string.IsNullOrEmpty(branch.Text("description")))
        {
            errors.Add(FieldError.Forbidden(path.Child("description").ToString(), "must be empty to be structural"));
        }
        if (branch.Flag("nullable"))
        {
            errors.Add(FieldError.Forbidden(path.Child("nullable").ToString(), "must be false to be structural"));
        }
        if (branch["externalDocs"] is not null)
        {
            errors.Add(FieldError.Forbidden(path.Child("externalDocs").ToString(), "must be undefined to be structural"));
        }
        foreach (var flag in new[] { "x-kubernetes-preserve-unknown-fields", "x-kubernetes-embedded-resource", "x-kubernetes-int-or-string" })
        {
            if (branch.Flag(flag))
            {
                errors.Add(FieldError.Forbidden(path.Child(flag).ToString(), "must be false to be structural"));
            }
        }
        if (branch.Strings("x-kubernetes-list-map-keys").Count > 0)
        {
            errors.Add(FieldError.Forbidden(path.Child("x-kubernetes-list-map-keys").ToString(), "must be empty to be structural"));
        }
        foreach (var extension in new[] { "x-kubernetes-list-type", "x-kubernetes-map-type" })
        {
            if (branch[extension] is not null)
            {
                errors.Add(FieldError.Forbidden(path.Child(extension).ToString(), "must be undefined to be structural"));
            }
        }
        if (branch.List("x-kubernetes-validations") is { Count: > 0 })
        {
            errors.Add(FieldError.Forbidden(path.Child("x-kubernetes-validations").ToString(), "must be empty to be structural"));
        }
        if (branch.Property("metadata") is not null)
        {
            errors.Add(FieldError.Forbidden(path.Child("properties").Key("metadata").ToString(), "must not be specified in a nested context"));
        }
    }

    // Every property or items a value validation mentions must exist in the structural schema beside it.
    private static void CheckCompleteness(JsonObject validation, JsonObject? structural, FieldPath structuralPath, FieldPath validationPath, List<FieldError> errors)
    {
        if (validation.Map("not") is { } not)
        {
            CheckNestedCompleteness(not, structural, structuralPath, validationPath.Child("not"), errors);
        }
        foreach (var junctor in new[] { "allOf", "anyOf", "oneOf" })
        {
            foreach (var (index, branch) in validation.Branches(junctor))
            {
                CheckNestedCompleteness(branch, structural, structuralPath, validationPath.Child(junctor).Index(index), errors);
            }
        }
    }

    private static void CheckNestedCompleteness(JsonObject validation, JsonObject? structural, FieldPath structuralPath, FieldPath validationPath, List<FieldError> errors)
    {
        if (structural is null)
        {
            errors.Add(FieldError.Required(structuralPath.ToString(), "because it is defined in " + validationPath));
            return;
        }
        CheckCompleteness(validation, structural, structuralPath, validationPath, errors);
        if (validation.Map("items") is { } items)
        {
            CheckNestedCompleteness(items, structural.Map("items"), structuralPath.Child("items"), validationPath.Child("items"), errors);
        }
        foreach (var (name, property) in validation.PropertySchemas())
        {
            var structuralProperty = structural.Property(name);
            if (structuralProperty is null)
            {
                errors.Add(FieldError.Required(structuralPath.Child("properties").Key(name).ToString(),
                    "because it is defined in " + validationPath.Child("properties").Key(name)));
                continue;
            }
            CheckNestedCompleteness(property, structuralProperty, structuralPath.Child("properties").Key(name), validationPath.Child("properties").Key(name), errors);
        }
    }

    // anyOf: [{type: integer}, {type: string}] — the int-or-string idiom, allowed to name types.
    private static bool IsIntOrStringAnyOf(JsonObject schema) => IsIntOrStringPair(schema.List("anyOf"));

    private static bool IsIntOrStringAllOf(JsonObject schema) =>
        schema.List("allOf") is { Count: >= 1 } allOf && allOf[0] is JsonObject first && IsIntOrStringPair(first.List("anyOf"));

    private static bool IsIntOrStringPair(JsonArray? branches) =>
        branches is { Count: 2 } && IsOnlyType(branches[0], "integer") && IsOnlyType(branches[1], "string");

    private static bool IsOnlyType(JsonNode? branch, string type) =>
        branch is JsonObject { Count: 1 } obj && obj.Text("type") == type;
}
