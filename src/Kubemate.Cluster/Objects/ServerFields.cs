using System.Text.Json.Nodes;

namespace Kubemate.Cluster.Objects;

/// <summary>
/// Removes what the server writes about an object rather than what a user declares: managed fields, resource
/// version, uid, timestamps, generation, status. What remains is a manifest that can be diffed and re-applied.
/// </summary>
public static class ServerFields
{
    private static readonly string[] MetadataFields =
        ["managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds"];

    /// <summary>A deep copy without server-written fields.</summary>
    public static JsonObject Strip(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove("status");
        if (copy["metadata"] is JsonObject metadata)
        {
            foreach (var field in MetadataFields)
            {
                metadata.Remove(field);
            }
            if (metadata["annotations"] is JsonObject annotations)
            {
                annotations.Remove("kubectl.kubernetes.io/last-applied-configuration");
                if (annotations.Count == 0)
                {
                    metadata.Remove("annotations");
                }
            }
        }
        return copy;
    }
}
