using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Middlewares;
using Kubemate.Renderers.Json;

namespace Kubemate.Renderers.Traefik;

/// <summary>Middleware objects to and from the model; kinds the model does not break down travel verbatim.</summary>
public static class MiddlewareCodec
{
    public static JsonObject Write(Middleware middleware)
    {
        var spec = new JsonObject();
        if (middleware.Spec is { } kind)
        {
            spec[kind.EdgeKind] = WriteSpec(kind);
        }
        var obj = KubeObject.Create(TraefikApi.ApiVersion, TraefikApi.MiddlewareKind, middleware.Metadata);
        obj["spec"] = spec;
        return obj.WithUnknown(middleware.UnknownFields);
    }

    public static Middleware Read(JsonObject source)
    {
        var root = (JsonObject)source.DeepClone();
        root.Remove("apiVersion");
        root.Remove("kind");
        var metadata = MetadataCodec.Take(root);
        var spec = JsonTake.Object(root, "spec") ?? [];
        MiddlewareSpec? kind = null;
        var modelled = spec.Select(entry => entry.Key).FirstOrDefault(key => spec[key] is JsonObject && MiddlewareSpecCodec.IsModelled(key));
        if (modelled is not null)
        {
            kind = MiddlewareSpecCodec.Read(modelled, JsonTake.Object(spec, modelled)!);
        }
        else if (spec.Count == 1)
        {
            var (name, configuration) = spec.First();
            spec.Remove(name);
            kind = new OtherMiddleware { Kind = name, Configuration = configuration };
        }
        JsonTake.PutBackRest(root, "spec", spec);
        return new Middleware { Metadata = metadata, Spec = kind, UnknownFields = JsonTake.Rest(root) };
    }

    private static JsonNode? WriteSpec(MiddlewareSpec spec) => spec is OtherMiddleware other
        ? other.Configuration?.DeepClone()
        : MiddlewareSpecCodec.Write(spec).WithUnknown(spec.UnknownFields);
}
