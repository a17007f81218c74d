using System.Text.Json.Nodes;
using Kubemate.Schema.Pruning;
using Kubemate.Schema.Validation;

namespace Kubemate.Schema;

/// <summary>
/// Removes the fields a structural schema does not declare, in place, as the apiserver prunes custom resources.
/// <c>apiVersion</c>, <c>kind</c> and <c>metadata</c> stay at the root and in embedded resources (metadata keeps only
/// ObjectMeta's fields); below <c>x-kubernetes-preserve-unknown-fields</c> nothing is pruned except inside declared
/// properties.
/// </summary>
public static class Pruner
{
    /// <summary>Prunes <paramref name="obj"/> and returns the removed field paths, sorted, as strict field validation
    /// prints them (<c>spec.foo</c>, <c>spec.routes[0].bar</c>, map keys joined with dots).</summary>
    public static IReadOnlyList<string> Prune(JsonObject obj, StructuralSchema schema)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(schema);
        var pruned = PruneValue(obj, schema, isResource: true);
        pruned.Sort(StringComparer.Ordinal);
        return pruned;
    }

    /// <summary>Prunes any value against its schema node; <paramref name="isResource"/> keeps apiVersion/kind/metadata.</summary>
    internal static List<string> PruneValue(JsonNode? value, StructuralSchema schema, bool isResource)
    {
        var pruned = new List<string>();
        if (schema.XPreserveUnknownFields)
        {
            KeepUnknown(value, schema, string.Empty, isResource, pruned);
        }
        else if (value is JsonObject obj)
        {
            PruneObject(obj, schema, string.Empty, isResource, pruned);
        }
        else
        {
            PruneNode(value, schema, string.Empty, pruned);
        }
        return pruned;
    }

    private static void PruneNode(JsonNode? node, StructuralSchema? schema, string path, List<string> pruned)
    {
        if (schema is { XPreserveUnknownFields: true })
        {
            KeepUnknown(node, schema, path, schema.XEmbeddedResource, pruned);
            return;
        }
        switch (node)
        {
            case JsonObject obj:
                PruneObject(obj, schema, path, schema?.XEmbeddedResource == true, pruned);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    PruneNode(array[i], schema?.Items, IndexPath(path, i), pruned);
                }
                break;
        }
    }

    private static void PruneObject(JsonObject obj, StructuralSchema? schema, string path, bool isResource, List<string> pruned)
    {
        foreach (var (key, value) in obj.ToList())
        {
            if (isResource && KeepResourceField(obj, key, value, path, pruned))
            {
                continue;
            }
            if (schema is not null && schema.Properties.TryGetValue(key, out var property))
            {
                PruneNode(value, property, ChildPath(path, key), pruned);
            }
            else if (schema?.AdditionalPropertiesAllowed is not null)
            {
                PruneNode(value, schema.AdditionalProperties, ChildPath(path, key), pruned);
            }
            else
            {
                obj.Remove(key);
                pruned.Add(ChildPath(path, key));
            }
        }
    }

    // Under preserve-unknown-fields unknown fields stay, but declared properties are still pruned inside.
    private static void KeepUnknown(JsonNode? node, StructuralSchema? schema, string path, bool isResource, List<string> pruned)
    {
        if (schema is null)
        {
            return;
        }
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (isResource && KeepResourceField(obj, key, value, path, pruned))
                    {
                        continue;
                    }
                    if (schema.Properties.TryGetValue(key, out var property))
                    {
                        PruneNode(value, property, ChildPath(path, key), pruned);
                    }
                    else if (schema.AdditionalPropertiesAllowed is not null)
                    {
                        PruneNode(value, schema.AdditionalProperties, ChildPath(path, key), pruned);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    KeepUnknown(array[i], schema.Items, IndexPath(path, i), schema.Items?.XEmbeddedResource == true, pruned);
                }
                break;
        }
    }

    private static bool KeepResourceField(JsonObject obj, string key, JsonNode? value, string path, List<string> pruned)
    {
        switch (key)
        {
            case "apiVersion" or "kind" when JsonSemantics.IsString(value, out _):
                return true;
            case "metadata" when value is JsonObject metadata:
                var metadataPath = ChildPath(path, key);
                foreach (var (field, _) in metadata.ToList())
                {
                    if (!ObjectMetaFields.Known.Contains(field))
                    {
                        metadata.Remove(field);
                        pruned.Add(ChildPath(metadataPath, field));
                    }
                }
                return true;
            default:
                return false;
        }
    }

    private static string ChildPath(string path, string key) => path.Length == 0 ? key : path + "." + key;

    private static string IndexPath(string path, int index) => path + "[" + index + "]";
}
