using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Ingress;
using Kubemate.Renderers.Json;

namespace Kubemate.Renderers.Traefik;

internal static class MiddlewareRefCodec
{
    public static JsonObject Write(MiddlewareRef reference) =>
        new JsonObject { ["name"] = reference.Name }.Set("namespace", reference.Namespace).WithUnknown(reference.UnknownFields);

    public static JsonArray WriteAll(IEnumerable<MiddlewareRef> references) => JsonMerge.Array(references.Select(Write));

    public static IReadOnlyList<MiddlewareRef>? ReadAll(JsonObject parent, string key) =>
        JsonTake.Objects(parent, key)?.Select(obj => new MiddlewareRef
        {
            Name = JsonTake.String(obj, "name") ?? "",
            Namespace = JsonTake.String(obj, "namespace"),
            UnknownFields = JsonTake.Rest(obj),
        }).ToList();
}
