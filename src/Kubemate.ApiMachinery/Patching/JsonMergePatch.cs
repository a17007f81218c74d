using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.Patching;

/// <summary>
/// RFC 7386 JSON merge patch (<c>application/merge-patch+json</c>): objects merge member by member, a null member
/// deletes, anything else (lists included) replaces. Neither argument is modified.
/// </summary>
public static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }
        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        MergeInto(result, patchObject);
        return result;
    }

    private static void MergeInto(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch)
        {
            if (value is null)
            {
                target.Remove(name);
            }
            else if (value is JsonObject patchChild)
            {
                if (target.TryGetPropertyValue(name, out var existing) && existing is JsonObject targetChild)
                {
                    MergeInto(targetChild, patchChild);
                }
                else
                {
                    var created = new JsonObject();
                    MergeInto(created, patchChild);
                    target[name] = created;
                }
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }
}
