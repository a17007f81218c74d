using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Schema.Formats;
using Kubemate.Schema.Validation;

namespace Kubemate.Schema.Parsing;

/// <summary>Turns an <c>openAPIV3Schema</c> JSON tree into <see cref="StructuralSchema"/> nodes.</summary>
internal static class SchemaReader
{
    public static StructuralSchema Read(JsonNode? node, FieldPath path)
    {
        if (node is not JsonObject obj)
        {
            throw new SchemaFormatException(path.ToString(), "must be a schema object");
        }

        var type = String(obj, "type", path);
        var format = String(obj, "format", path);
        var intOrString = Bool(obj, "x-kubernetes-int-or-string", path);
        var pattern = String(obj, "pattern", path);
        string? patternError = null;
        var regex = pattern is null ? null : GoRegex.TryCompile(pattern, out patternError);
        var additional = obj["additionalProperties"];

        var schema = new StructuralSchema
        {
            Type = type,
            Format = format,
            CheckedFormat = FormatRegistry.CheckedFormat(intOrString ? null : type, format),
            Description = String(obj, "description", path),
            Nullable = Bool(obj, "nullable", path),
            Default = obj.TryGetPropertyValue("default", out var defaultValue) ? defaultValue?.DeepClone() : null,
            HasDefault = obj.ContainsKey("default") && obj["default"] is not null,
            Properties = Properties(obj, path),
            Required = Strings(obj, "required", path),
            AdditionalProperties = additional is JsonObject ? Read(additional, path.Child("additionalProperties")) : null,
            AdditionalPropertiesAllowed = AdditionalAllowed(additional, path),
            Items = Items(obj, path),
            Enum = obj["enum"] switch
            {
                null => null,
                JsonArray values => values.Select(v => v?.DeepClone()).ToList(),
                _ => throw new SchemaFormatException(path.Child("enum").ToString(), "must be a list"),
            },
            Pattern = pattern,
            PatternRegex = regex,
            PatternError = patternError,
            MinLength = Count(obj, "minLength", path),
            MaxLength = Count(obj, "maxLength", path),
            MinItems = Count(obj, "minItems", path),
            MaxItems = Count(obj, "maxItems", path),
            MinProperties = Count(obj, "minProperties", path),
            MaxProperties = Count(obj, "maxProperties", path),
            Minimum = Number(obj, "minimum", path),
            Maximum = Number(obj, "maximum", path),
            ExclusiveMinimum = Bool(obj, "exclusiveMinimum", path),
            ExclusiveMaximum = Bool(obj, "exclusiveMaximum", path),
            MultipleOf = Number(obj, "multipleOf", path),
            UniqueItems = Bool(obj, "uniqueItems", path),
            AllOf = SchemaList(obj, "allOf", path),
            AnyOf = SchemaList(obj, "anyOf", path),
            OneOf = SchemaList(obj, "oneOf", path),
            Not = obj["not"] is null ? null : Read(obj["not"], path.Child("not")),
            XPreserveUnknownFields = Bool(obj, "x-kubernetes-preserve-unknown-fields", path),
            XEmbeddedResource = Bool(obj, "x-kubernetes-embedded-resource", path),
            XIntOrString = intOrString,
            XListType = String(obj, "x-kubernetes-list-type", path),
            XListMapKeys = Strings(obj, "x-kubernetes-list-map-keys", path),
            XMapType = String(obj, "x-kubernetes-map-type", path),
        };
        schema.XValidations = ValidationRuleReader.Read(obj["x-kubernetes-validations"], schema, path.Child("x-kubernetes-validations"));
        return schema;
    }

    private static OrderedDictionary<string, StructuralSchema> Properties(JsonObject obj, FieldPath path)
    {
        var result = new OrderedDictionary<string, StructuralSchema>(StringComparer.Ordinal);
        switch (obj["properties"])
        {
            case null:
                return result;
            case JsonObject properties:
                foreach (var (name, schema) in properties)
                {
                    result[name] = Read(schema, path.Child("properties").Key(name));
                }
                return result;
            default:
                throw new SchemaFormatException(path.Child("properties").ToString(), "must be a map of schemas");
        }
    }

    private static StructuralSchema? Items(JsonObject obj, FieldPath path) => obj["items"] switch
    {
        null => null,
        JsonObject items => Read(items, path.Child("items")),
        JsonArray => throw new SchemaFormatException(path.Child("items").ToString(), "items must be a schema object and not an array"),
        _ => throw new SchemaFormatException(path.Child("items").ToString(), "must be a schema object"),
    };

    private static bool? AdditionalAllowed(JsonNode? additional, FieldPath path) => additional switch
    {
        null => null,
        JsonObject => true,
        JsonValue value when value.GetValueKind() is JsonValueKind.True => true,
        JsonValue value when value.GetValueKind() is JsonValueKind.False => false,
        _ => throw new SchemaFormatException(path.Child("additionalProperties").ToString(), "must be a boolean or a schema object"),
    };

    private static List<StructuralSchema> SchemaList(JsonObject obj, string keyword, FieldPath path) => obj[keyword] switch
    {
        null => [],
        JsonArray list => list.Select((schema, i) => Read(schema, path.Child(keyword).Index(i))).ToList(),
        _ => throw new SchemaFormatException(path.Child(keyword).ToString(), "must be a list of schemas"),
    };

    private static string? String(JsonObject obj, string keyword, FieldPath path) => obj[keyword] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw new SchemaFormatException(path.Child(keyword).ToString(), "must be a string"),
    };

    private static bool Bool(JsonObject obj, string keyword, FieldPath path) => obj[keyword] switch
    {
        null => false,
        JsonValue value when value.GetValueKind() == JsonValueKind.True => true,
        JsonValue value when value.GetValueKind() == JsonValueKind.False => false,
        _ => throw new SchemaFormatException(path.Child(keyword).ToString(), "must be a boolean"),
    };

    private static List<string> Strings(JsonObject obj, string keyword, FieldPath path)
    {
        switch (obj[keyword])
        {
            case null:
                return [];
            case JsonArray list when list.All(item => item is JsonValue v && v.GetValueKind() == JsonValueKind.String):
                return list.Select(item => item!.GetValue<string>()).ToList();
            default:
                throw new SchemaFormatException(path.Child(keyword).ToString(), "must be a list of strings");
        }
    }

    private static long? Count(JsonObject obj, string keyword, FieldPath path)
    {
        var node = obj[keyword];
        if (node is null)
        {
            return null;
        }
        if (NumberValue.TryRead(node, out var number) && number.IsInteger && number.Integer >= 0)
        {
            return number.Integer;
        }
        throw new SchemaFormatException(path.Child(keyword).ToString(), "must be a non-negative integer");
    }

    private static double? Number(JsonObject obj, string keyword, FieldPath path)
    {
        var node = obj[keyword];
        if (node is null)
        {
            return null;
        }
        if (NumberValue.TryRead(node, out var number))
        {
            return number.Double;
        }
        throw new SchemaFormatException(path.Child(keyword).ToString(), "must be a number");
    }
}
