using System.Text.Json.Nodes;

namespace Kubemate.Schema;

/// <summary>
/// Applies schema <c>default</c>s in place, as the apiserver does when it decodes a custom resource (on read and on
/// write): nulls in non-nullable fields without a default are dropped, then missing fields and non-nullable nulls
/// get their default, recursively (defaults inside defaulted values apply too).
/// </summary>
public static class Defaulter
{
    public static void ApplyDefaults(JsonObject obj, StructuralSchema schema)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(schema);
        DropNonNullableNulls(obj, schema);
        Default(obj, schema);
    }

    private static StructuralSchema? SchemaOf(StructuralSchema? schema, string key) =>
        schema is null ? null : schema.Properties.TryGetValue(key, out var property) ? property : schema.AdditionalProperties;

    private static bool IsNonNullableNull(JsonNode? value, StructuralSchema? schema) => value is null && schema is { Nullable: false };

    private static void DropNonNullableNulls(JsonNode? node, StructuralSchema? schema)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    var fieldSchema = SchemaOf(schema, key);
                    if (IsNonNullableNull(value, fieldSchema) && !fieldSchema!.HasDefault)
                    {
                        obj.Remove(key);
                    }
                    else
                    {
                        DropNonNullableNulls(value, fieldSchema);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    DropNonNullableNulls(item, schema?.Items);
                }
                break;
        }
    }

    private static void Default(JsonNode? node, StructuralSchema? schema)
    {
        if (schema is null)
        {
            return;
        }
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, property) in schema.Properties)
                {
                    if (property.HasDefault && (!obj.TryGetPropertyValue(name, out var current) || IsNonNullableNull(current, property)))
                    {
                        obj[name] = property.Default!.DeepClone();
                    }
                }
                foreach (var (key, value) in obj.ToList())
                {
                    if (schema.Properties.TryGetValue(key, out var property))
                    {
                        Default(value, property);
                    }
                    else if (schema.AdditionalProperties is { } additional)
                    {
                        if (IsNonNullableNull(value, additional) && additional.HasDefault)
                        {
                            obj[key] = additional.Default!.DeepClone();
                        }
                        Default(obj[key], additional);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (schema.Items is { } items && IsNonNullableNull(array[i], items) && items.HasDefault)
                    {
                        array[i] = items.Default!.DeepClone();
                    }
                    Default(array[i], schema.Items);
                }
                break;
        }
    }
}
