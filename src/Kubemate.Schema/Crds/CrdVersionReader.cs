using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;

namespace Kubemate.Schema.Crds;

/// <summary>Reads <c>spec.versions</c>: names, served/storage flags, schemas (which must be structural), subresources and printer columns.</summary>
internal static class CrdVersionReader
{
    private static readonly string[] ColumnTypes = ["boolean", "date", "integer", "number", "string"];
    private static readonly string[] ColumnFormats = ["byte", "date", "date-time", "double", "float", "int32", "int64", "password"];

    public static IReadOnlyList<CrdVersion> ReadAll(IReadOnlyList<JsonNode?> items, FieldPath path, FieldReader reader, List<FieldError> errors)
    {
        var versions = new List<CrdVersion>();
        var names = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = path.Index(i);
            if (items[i] is not JsonObject item)
            {
                errors.Add(FieldError.Invalid(itemPath.ToString(), items[i], "must be an object"));
                continue;
            }
            var version = Read(item, itemPath, reader, errors);
            names.Add(version?.Name ?? reader.String(item, "name", itemPath) ?? string.Empty);
            if (version is not null)
            {
                versions.Add(version);
            }
        }

        var namesJson = new JsonArray(names.Select(name => (JsonNode?)JsonValue.Create(name)).ToArray());
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            errors.Add(FieldError.Invalid(path.ToString(), namesJson, "must contain unique version names"));
        }
        var storageCount = items.OfType<JsonObject>().Count(item => item["storage"]?.GetValueKind() == System.Text.Json.JsonValueKind.True);
        if (storageCount != 1)
        {
            errors.Add(FieldError.Invalid(path.ToString(), namesJson, "must have exactly one version marked as storage version"));
        }
        return versions;
    }

    private static CrdVersion? Read(JsonObject item, FieldPath path, FieldReader reader, List<FieldError> errors)
    {
        var before = errors.Count;
        var name = reader.String(item, "name", path) ?? string.Empty;
        if (name.Length == 0)
        {
            errors.Add(FieldError.Required(path.Child("name").ToString()));
        }
        else if (NameFormats.IsDns1035Label(name) is { Count: > 0 } problems)
        {
            errors.Add(FieldError.Invalid(path.Child("name").ToString(), name, string.Join(",", problems)));
        }
        var served = reader.Bool(item, "served", path);
        var storage = reader.Bool(item, "storage", path);
        var deprecated = reader.Bool(item, "deprecated", path);
        var deprecationWarning = reader.String(item, "deprecationWarning", path);
        if (deprecationWarning is not null && !deprecated)
        {
            errors.Add(FieldError.Invalid(path.Child("deprecationWarning").ToString(), deprecationWarning, "can only be set for deprecated versions"));
        }

        var schemaPath = path.Child("schema").Child("openAPIV3Schema");
        var rawSchema = reader.Object(reader.Object(item, "schema", path), "openAPIV3Schema", path.Child("schema"));
        StructuralSchema? schema = null;
        if (rawSchema is null)
        {
            errors.Add(FieldError.Required(schemaPath.ToString(), "schemas are required"));
        }
        else
        {
            var schemaErrors = StructuralSchema.CheckStructural(rawSchema, schemaPath.ToString());
            errors.AddRange(schemaErrors);
            schema = schemaErrors.Count == 0 ? StructuralSchema.Parse(rawSchema) : null;
        }

        var subresources = ReadSubresources(reader.Object(item, "subresources", path), path.Child("subresources"), reader, errors);
        var columns = reader.List(item, "additionalPrinterColumns", path)
            .Select((column, i) => ReadColumn(column, path.Child("additionalPrinterColumns").Index(i), reader, errors))
            .OfType<CrdPrinterColumn>()
            .ToList();

        if (errors.Count > before || schema is null)
        {
            return null;
        }
        return new CrdVersion(name, served, storage, schema, subresources, columns)
        {
            Deprecated = deprecated,
            DeprecationWarning = deprecationWarning,
            OpenApiV3Schema = (JsonObject)rawSchema!.DeepClone(),
        };
    }

    private static CrdSubresources ReadSubresources(JsonObject? subresources, FieldPath path, FieldReader reader, List<FieldError> errors)
    {
        if (subresources is null)
        {
            return CrdSubresources.None;
        }
        var status = reader.Object(subresources, "status", path) is not null;
        var scale = reader.Object(subresources, "scale", path);
        if (scale is null)
        {
            return new CrdSubresources(status, null);
        }
        var scalePath = path.Child("scale");
        var specReplicas = reader.String(scale, "specReplicasPath", scalePath) ?? string.Empty;
        var statusReplicas = reader.String(scale, "statusReplicasPath", scalePath) ?? string.Empty;
        var labelSelector = reader.String(scale, "labelSelectorPath", scalePath);
        CheckJsonPath(specReplicas, path.Child("scale.specReplicasPath"), ".spec.", "should be a json path under .spec", errors);
        CheckJsonPath(statusReplicas, path.Child("scale.statusReplicasPath"), ".status.", "should be a json path under .status", errors);
        if (!string.IsNullOrEmpty(labelSelector) && CheckSimpleJsonPath(labelSelector, path.Child("scale.labelSelectorPath"), errors)
            && !labelSelector.StartsWith(".spec.", StringComparison.Ordinal) && !labelSelector.StartsWith(".status.", StringComparison.Ordinal))
        {
            errors.Add(FieldError.Invalid(path.Child("scale.labelSelectorPath").ToString(), labelSelector, "should be a json path under either .spec or .status"));
        }
        return new CrdSubresources(status, new CrdScaleSubresource(specReplicas, statusReplicas, labelSelector));
    }

    private static CrdPrinterColumn? ReadColumn(JsonNode? node, FieldPath path, FieldReader reader, List<FieldError> errors)
    {
        if (node is not JsonObject column)
        {
            errors.Add(FieldError.Invalid(path.ToString(), node, "must be an object"));
            return null;
        }
        var name = reader.String(column, "name", path) ?? string.Empty;
        var type = reader.String(column, "type", path) ?? string.Empty;
        var format = reader.String(column, "format", path);
        var jsonPath = reader.String(column, "jsonPath", path) ?? string.Empty;
        if (name.Length == 0)
        {
            errors.Add(FieldError.Required(path.Child("name").ToString()));
        }
        var typesText = "must be one of " + string.Join(",", ColumnTypes);
        if (type.Length == 0)
        {
            errors.Add(FieldError.Required(path.Child("type").ToString(), typesText));
        }
        else if (!ColumnTypes.Contains(type))
        {
            errors.Add(FieldError.Invalid(path.Child("type").ToString(), type, typesText));
        }
        if (!string.IsNullOrEmpty(format) && !ColumnFormats.Contains(format))
        {
            errors.Add(FieldError.Invalid(path.Child("format").ToString(), format, "must be one of " + string.Join(",", ColumnFormats)));
        }
        if (jsonPath.Length == 0)
        {
            errors.Add(FieldError.Required(path.Child("JSONPath").ToString()));
        }
        else
        {
            CheckSimpleJsonPath(jsonPath, path.Child("JSONPath"), errors);
        }
        return new CrdPrinterColumn(name, type, format, reader.String(column, "description", path), reader.Int(column, "priority", path), jsonPath);
    }

    private static void CheckJsonPath(string value, FieldPath path, string prefix, string detail, List<FieldError> errors)
    {
        if (value.Length == 0)
        {
            errors.Add(FieldError.Required(path.ToString()));
        }
        else if (CheckSimpleJsonPath(value, path, errors) && !value.StartsWith(prefix, StringComparison.Ordinal))
        {
            errors.Add(FieldError.Invalid(path.ToString(), value, detail));
        }
    }

    private static bool CheckSimpleJsonPath(string value, FieldPath path, List<FieldError> errors)
    {
        if (value.Length == 0)
        {
            errors.Add(FieldError.Invalid(path.ToString(), value, "must not be empty"));
            return false;
        }
        if (value[0] != '.')
        {
            errors.Add(FieldError.Invalid(path.ToString(), value, "must be a simple json path starting with ."));
            return false;
        }
        return true;
    }
}
