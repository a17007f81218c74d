using System.Text.Json.Nodes;

namespace Kubemate.Model.Drivers;

/// <summary>
/// Merges two renderings of the same object (e.g. two intents that share a Server, or two models that annotate
/// one Namespace): objects merge key by key; any other value must be equal on both sides.
/// </summary>
public static class ObjectMerge
{
    /// <returns>The merged object, or null with <paramref name="conflictPath"/> set when the two disagree.</returns>
    public static JsonObject? TryMerge(JsonObject left, JsonObject right, out string conflictPath)
    {
        var merged = (JsonObject)left.DeepClone();
        conflictPath = "";
        return MergeInto(merged, right, "", ref conflictPath) ? merged : null;
    }

    private static bool MergeInto(JsonObject target, JsonObject source, string path, ref string conflictPath)
    {
        foreach (var (key, value) in source)
        {
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            if (!target.TryGetPropertyValue(key, out var existing))
            {
                target[key] = value?.DeepClone();
            }
            else if (existing is JsonObject existingObject && value is JsonObject valueObject)
            {
                if (!MergeInto(existingObject, valueObject, childPath, ref conflictPath))
                {
                    return false;
                }
            }
            else if (!JsonNode.DeepEquals(existing, value))
            {
                conflictPath = childPath;
                return false;
            }
        }
        return true;
    }
}
