using System.Text.Json.Nodes;

namespace Kubemate.Modeling.Rendering;

/// <summary>
/// Lays a partial object (what a model renders of an object someone else owns, such as annotations on a workload)
/// over the rest of that object, as server-side apply would in the cluster; and the reverse: what remains of an
/// object once a partial object's fields are taken out.
/// </summary>
public static class ObjectOverlay
{
    /// <summary>A copy of <paramref name="baseObject"/> with every field of <paramref name="overlay"/> set over it (maps merged, everything else replaced).</summary>
    public static JsonObject Merge(JsonObject baseObject, JsonObject overlay)
    {
        var result = (JsonObject)baseObject.DeepClone();
        MergeInto(result, overlay);
        return result;
    }

    /// <summary>
    /// <paramref name="original"/> without the fields <paramref name="overlay"/> sets to the same value, keeping the
    /// object's identity (apiVersion, kind, name, namespace); maps left empty are removed.
    /// </summary>
    public static JsonObject Subtract(JsonObject original, JsonObject overlay)
    {
        var result = (JsonObject)original.DeepClone();
        SubtractFrom(result, overlay, isRoot: true);
        return result;
    }

    private static void MergeInto(JsonObject target, JsonObject overlay)
    {
        foreach (var (key, value) in overlay)
        {
            if (value is JsonObject overlayMap && target[key] is JsonObject targetMap)
            {
                MergeInto(targetMap, overlayMap);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private static void SubtractFrom(JsonObject target, JsonObject overlay, bool isRoot, bool isMetadata = false)
    {
        foreach (var (key, value) in overlay)
        {
            if (IsIdentity(key, isRoot, isMetadata) || !target.TryGetPropertyValue(key, out var current))
            {
                continue;
            }
            if (value is JsonObject overlayMap && current is JsonObject currentMap)
            {
                SubtractFrom(currentMap, overlayMap, isRoot: false, isMetadata: isRoot && key == "metadata");
                if (currentMap.Count == 0)
                {
                    target.Remove(key);
                }
            }
            else if (JsonNode.DeepEquals(current, value))
            {
                target.Remove(key);
            }
        }
    }

    private static bool IsIdentity(string key, bool isRoot, bool isMetadata) =>
        (isRoot && key is "apiVersion" or "kind") || (isMetadata && key is "name" or "namespace");
}
