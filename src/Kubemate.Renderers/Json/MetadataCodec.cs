using System.Text.Json.Nodes;
using Kubemate.Model.Edge;

namespace Kubemate.Renderers.Json;

internal static class MetadataCodec
{
    public static JsonObject Write(EdgeObjectMeta metadata)
    {
        var obj = new JsonObject();
        if (metadata.Name.Length > 0)
        {
            obj["name"] = metadata.Name;
        }
        return obj.Set("namespace", metadata.Namespace)
            .Set("labels", metadata.Labels)
            .Set("annotations", metadata.Annotations)
            .WithUnknown(metadata.UnknownFields);
    }

    /// <summary>Reads and removes <c>metadata</c> from a (cloned) object.</summary>
    public static EdgeObjectMeta Take(JsonObject root)
    {
        var metadata = JsonTake.Object(root, "metadata") ?? [];
        return new EdgeObjectMeta
        {
            Name = JsonTake.String(metadata, "name") ?? "",
            Namespace = JsonTake.String(metadata, "namespace"),
            Labels = JsonTake.StringMap(metadata, "labels"),
            Annotations = JsonTake.StringMap(metadata, "annotations"),
            UnknownFields = JsonTake.Rest(metadata),
        };
    }
}
