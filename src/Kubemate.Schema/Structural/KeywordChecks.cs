using System.Text.Json.Nodes;
using Kubemate.Schema.Validation;

namespace Kubemate.Schema.Structural;

/// <summary>
/// The per-keyword rules the apiserver applies to every node of a v1 CRD schema, junctor branches included:
/// supported types and keywords, no defaults in resource metadata, properties and additionalProperties exclusive,
/// and consistent <c>x-kubernetes-list-type</c>/<c>list-map-keys</c>/<c>map-type</c>.
/// </summary>
internal static class KeywordChecks
{
    private static readonly string[] OpenApiTypes = ["array", "boolean", "integer", "number", "object", "string"];
    private static readonly HashSet<string> ResourceMetaFields = new(StringComparer.Ordinal) { "metadata", "kind", "apiVersion" };

    public static void Check(JsonNode? node, FieldPath path, bool isRoot, CheckContext context, List<FieldError> errors)
    {
        if (node is not JsonObject schema)
        {
            errors.Add(FieldError.Invalid(path.ToString(), node, "must be a schema object"));
            return;
        }
        CheckKeywords(schema, path, context, errors);
        CheckListAndMapTypes(schema, path, errors);
        CheckValidationRules(schema, path, errors);

        if (schema.Map("additionalProperties") is { } additional)
        {
            var additionalContext = context.InsideResourceMeta
                ? context with { DefaultsForbiddenReason = "inside additionalProperties applying to object metadata" }
                : context;
            Check(additional, path.Child("additionalProperties"), false, additionalContext, errors);
        }
        if (schema.Map("properties") is { } properties)
        {
            foreach (var (name, property) in properties)
            {
                var propertyContext = context;
                if ((isRoot || schema.Flag("x-kubernetes-embedded-resource")) && ResourceMetaFields.Contains(name))
                {
                    propertyContext = propertyContext with { InsideResourceMeta = true };
                    if (isRoot)
                    {
                        propertyContext = propertyContext with { DefaultsForbiddenReason = "in top-level " + name };
                    }
                }
                Check(property, path.Child("properties").Key(name), false, propertyContext, errors);
            }
        }
        if (schema["not"] is { } not)
        {
            Check(not, path.Child("not"), false, context, errors);
        }
        foreach (var junctor in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (schema.List(junctor) is { } branches)
            {
                for (var i = 0; i < branches.Count; i++)
                {
                    Check(branches[i], path.Child(junctor).Index(i), false, context, errors);
                }
            }
        }
        if (schema.Map("definitions") is { } definitions)
        {
            foreach (var (name, definition) in definitions)
            {
                Check(definition, path.Child("definitions").Key(name), false, context, errors);
            }
        }
        switch (schema["items"])
        {
            case JsonObject items:
                Check(items, path.Child("items"), false, context, errors);
                break;
            case JsonArray itemList:
                for (var i = 0; i < itemList.Count; i++)
                {
                    Check(itemList[i], path.Child("items").Index(i), false, context, errors);
                }
                break;
        }
    }

    private static void CheckKeywords(JsonObject schema, FieldPath path, CheckContext context, List<FieldError> errors)
    {
        var type = schema.Text("type");
        if (!string.IsNullOrEmpty(type) && !OpenApiTypes.Contains(type))
        {
            errors.Add(FieldError.NotSupported(path.Child("type").ToString(), schema["type"], OpenApiTypes));
        }
        if (schema["default"] is not null && context.DefaultsForbiddenReason is { } reason)
        {
            errors.Add(FieldError.Forbidden(path.Child("default").ToString(), "must not be set " + reason));
        }
        if (!string.IsNullOrEmpty(schema.Text("id")))
        {
            errors.Add(FieldError.Forbidden(path.Child("id").ToString(), "id is not supported"));
        }
        ForbidPresent(schema, path, "additionalItems", "additionalItems is not supported", errors);
        if (schema.Map("patternProperties") is { Count: > 0 })
        {
            errors.Add(FieldError.Forbidden(path.Child("patternProperties").ToString(), "patternProperties is not supported"));
        }
        if (schema.Map("definitions") is { Count: > 0 })
        {
            errors.Add(FieldError.Forbidden(path.Child("definitions").ToString(), "definitions is not supported"));
        }
        ForbidPresent(schema, path, "dependencies", "dependencies is not supported", errors);
        ForbidPresent(schema, path, "$ref", "$ref is not supported", errors);
        if (type == "null")
        {
            errors.Add(FieldError.Forbidden(path.Child("type").ToString(), "type cannot be set to null, use nullable as an alternative"));
        }
        if (schema["items"] is JsonArray { Count: > 0 })
        {
            errors.Add(FieldError.Forbidden(path.Child("items").ToString(), "items must be a schema object and not an array"));
        }
        if (context.InsideResourceMeta && schema.Flag("x-kubernetes-embedded-resource"))
        {
            errors.Add(FieldError.Forbidden(path.Child("x-kubernetes-embedded-resource").ToString(), "must not be used inside of resource meta"));
        }
        if (schema.Flag("uniqueItems"))
        {
            errors.Add(FieldError.Forbidden(path.Child("uniqueItems").ToString(), "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
        }
        if (schema["additionalProperties"] is { } additional && schema.Map("properties") is { Count: > 0 }
            && (additional is JsonObject || schema.IsFalse("additionalProperties")))
        {
            errors.Add(FieldError.Forbidden(path.Child("additionalProperties").ToString(), "additionalProperties and properties are mutual exclusive"));
        }
        if (schema.IsFalse("x-kubernetes-preserve-unknown-fields"))
        {
            errors.Add(FieldError.Invalid(path.Child("x-kubernetes-preserve-unknown-fields").ToString(), JsonValue.Create(false), "must be true or undefined"));
        }
    }

    private static void CheckListAndMapTypes(JsonObject schema, FieldPath path, List<FieldError> errors)
    {
        var type = schema.Text("type") ?? string.Empty;
        var mapType = schema.Text("x-kubernetes-map-type");
        if (mapType is not null && type != "object")
        {
            errors.Add(TypeMustBe(path, type, "must be object if x-kubernetes-map-type is specified"));
        }
        if (mapType is not null and not ("atomic" or "granular"))
        {
            errors.Add(FieldError.NotSupported(path.Child("x-kubernetes-map-type").ToString(), mapType, ["atomic", "granular"]));
        }

        var listType = schema.Text("x-kubernetes-list-type");
        var items = schema.Map("items");
        if (listType is not null && type != "array")
        {
            errors.Add(TypeMustBe(path, type, "must be array if x-kubernetes-list-type is specified"));
        }
        else if (listType == "set" && items is not null)
        {
            CheckSetItems(items, path, errors);
        }
        if (listType is not null and not ("atomic" or "set" or "map"))
        {
            errors.Add(FieldError.NotSupported(path.Child("x-kubernetes-list-type").ToString(), listType, ["atomic", "set", "map"]));
        }

        var mapKeys = schema.Strings("x-kubernetes-list-map-keys");
        if (mapKeys.Count > 0 && listType != "map")
        {
            errors.Add(listType is null
                ? FieldError.Required(path.Child("x-kubernetes-list-type").ToString(), "must be map if x-kubernetes-list-map-keys is non-empty")
                : FieldError.Invalid(path.Child("x-kubernetes-list-type").ToString(), listType, "must be map if x-kubernetes-list-map-keys is non-empty"));
        }
        if (listType == "map")
        {
            CheckMapList(schema, items, mapKeys, path, errors);
        }
        if (listType is "set" or "map" && items is not null && items.Flag("nullable"))
        {
            errors.Add(FieldError.Forbidden(path.Child("items").Child("nullable").ToString(), "cannot be nullable when x-kubernetes-list-type is " + listType));
        }
    }

    private static void CheckSetItems(JsonObject items, FieldPath path, List<FieldError> errors)
    {
        switch (items.Text("type"))
        {
            case "array" when items.Text("x-kubernetes-list-type") is { } itemListType && itemListType != "atomic":
                errors.Add(FieldError.Invalid(path.Child("items").Child("x-kubernetes-list-type").ToString(), itemListType,
                    "must be atomic as item of a list with x-kubernetes-list-type=set"));
                break;
            case "object" when items.Text("x-kubernetes-map-type") != "atomic":
                errors.Add(FieldError.Invalid(path.Child("items").Child("x-kubernetes-map-type").ToString(), items["x-kubernetes-map-type"],
                    "must be atomic as item of a list with x-kubernetes-list-type=set"));
                break;
        }
    }

    private static void CheckMapList(JsonObject schema, JsonObject? items, IReadOnlyList<string> mapKeys, FieldPath path, List<FieldError> errors)
    {
        if (mapKeys.Count == 0)
        {
            errors.Add(FieldError.Required(path.Child("x-kubernetes-list-map-keys").ToString(), "must not be empty if x-kubernetes-list-type is map"));
        }
        if (schema["items"] is null)
        {
            errors.Add(FieldError.Required(path.Child("items").ToString(), "must have a schema if x-kubernetes-list-type is map"));
            return;
        }
        if (items is null)
        {
            errors.Add(FieldError.Invalid(path.Child("items").ToString(), schema["items"], "must only have a single schema if x-kubernetes-list-type is map"));
            return;
        }
        var itemType = items.Text("type") ?? string.Empty;
        if (itemType != "object")
        {
            errors.Add(FieldError.Invalid(path.Child("items").Child("type").ToString(), itemType, "must be object if parent array's x-kubernetes-list-type is map"));
            return;
        }
        var required = items.Strings("required");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var keysJson = new JsonArray(mapKeys.Select(key => (JsonNode?)JsonValue.Create(key)).ToArray());
        foreach (var key in mapKeys)
        {
            var keyPath = path.Child("items").Child("properties").Key(key);
            if (items.Property(key) is { } keySchema)
            {
                if (keySchema.Text("type") is "array" or "object")
                {
                    errors.Add(FieldError.Invalid(keyPath.Child("type").ToString(), itemType, "must be a scalar type if parent array's x-kubernetes-list-type is map"));
                }
                if (!required.Contains(key) && keySchema["default"] is null)
                {
                    errors.Add(FieldError.Required(keyPath.Child("default").ToString(), "this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property"));
                }
                if (keySchema.Flag("nullable"))
                {
                    errors.Add(FieldError.Forbidden(keyPath.Child("nullable").ToString(), "this property is in x-kubernetes-list-map-keys, so it cannot be nullable"));
                }
            }
            else
            {
                errors.Add(FieldError.Invalid(path.Child("x-kubernetes-list-map-keys").ToString(), keysJson, "entries must all be names of item properties"));
            }
            if (!seen.Add(key))
            {
                errors.Add(FieldError.Invalid(path.Child("x-kubernetes-list-map-keys").ToString(), keysJson, "must not contain duplicate entries"));
            }
        }
    }

    // Rules are compiled and checked in ValidationRuleChecks; a rule without an expression is refused here.
    private static void CheckValidationRules(JsonObject schema, FieldPath path, List<FieldError> errors)
    {
        if (schema.List("x-kubernetes-validations") is not { } rules)
        {
            return;
        }
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i] is JsonObject ruleObject && JsonSemantics.IsString(ruleObject["rule"], out var text) ? text : string.Empty;
            if (rule.Trim().Length == 0)
            {
                errors.Add(FieldError.Required(path.Child("x-kubernetes-validations").Index(i).Child("rule").ToString(), "rule is not specified"));
            }
        }
    }

    private static FieldError TypeMustBe(FieldPath path, string type, string detail) => type.Length == 0
        ? FieldError.Required(path.Child("type").ToString(), detail)
        : FieldError.Invalid(path.Child("type").ToString(), type, detail);

    private static void ForbidPresent(JsonObject schema, FieldPath path, string keyword, string detail, List<FieldError> errors)
    {
        if (schema[keyword] is not null)
        {
            errors.Add(FieldError.Forbidden(path.Child(keyword).ToString(), detail));
        }
    }
}
