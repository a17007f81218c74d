using System.Text.Json.Nodes;

namespace Kubemate.Schema.Validation;

/// <summary>Visits every value together with the structural schema node that governs it (properties, map values, items).</summary>
internal static class StructuralWalker
{
    public static void Walk(JsonNode? value, StructuralSchema? schema, FieldPath path, Action<JsonNode?, StructuralSchema, FieldPath> visit)
    {
        if (schema is null)
        {
            return;
        }
        visit(value, schema, path);
        switch (value)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    if (schema.Properties.TryGetValue(key, out var property))
                    {
                        Walk(child, property, path.Child(key), visit);
                    }
                    else if (schema.AdditionalProperties is { } additional)
                    {
                        Walk(child, additional, path.Key(key), visit);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], schema.Items, path.Index(i), visit);
                }
                break;
        }
    }
}
