using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Ingress;
using Kubemate.Renderers.Json;

namespace Kubemate.Renderers.Traefik;

/// <summary>TraefikService objects to and from <see cref="EdgeService"/>: weighted services are modelled, other strategies kept verbatim.</summary>
public static class EdgeServiceCodec
{
    public static JsonObject Write(EdgeService service)
    {
        var spec = new JsonObject();
        if (service.WeightedBackends is not null)
        {
            spec["weighted"] = new JsonObject { ["services"] = RouteBackendCodec.WriteAll(service.WeightedBackends) };
        }
        var obj = KubeObject.Create(TraefikApi.ApiVersion, TraefikApi.TraefikServiceKind, service.Metadata);
        obj["spec"] = spec;
        return obj.WithUnknown(service.UnknownFields);
    }

    public static EdgeService Read(JsonObject source)
    {
        var root = (JsonObject)source.DeepClone();
        root.Remove("apiVersion");
        root.Remove("kind");
        var metadata = MetadataCodec.Take(root);
        var spec = JsonTake.Object(root, "spec") ?? [];
        IReadOnlyList<RouteBackend>? backends = null;
        if (JsonTake.Object(spec, "weighted", w => w["services"] is JsonArray items && items.All(i => i is JsonObject)) is { } weighted)
        {
            backends = RouteBackendCodec.ReadAll(weighted, "services");
            JsonTake.PutBackRest(spec, "weighted", weighted);
        }
        JsonTake.PutBackRest(root, "spec", spec);
        return new EdgeService { Metadata = metadata, WeightedBackends = backends, UnknownFields = JsonTake.Rest(root) };
    }
}
