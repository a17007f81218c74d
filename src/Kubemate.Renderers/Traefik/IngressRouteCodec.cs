using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Ingress;
using Kubemate.Renderers.Json;

namespace Kubemate.Renderers.Traefik;

/// <summary>IngressRoute objects to and from the model, losing nothing.</summary>
public static class IngressRouteCodec
{
    public static JsonObject Write(IngressRoute route)
    {
        var spec = new JsonObject().Set("entryPoints", route.EntryPoints);
        if (route.Routes is not null)
        {
            spec["routes"] = JsonMerge.Array(route.Routes.Select(WriteRule));
        }
        if (route.Tls is not null)
        {
            spec["tls"] = WriteTls(route.Tls);
        }
        var obj = KubeObject.Create(TraefikApi.ApiVersion, TraefikApi.IngressRouteKind, route.Metadata);
        obj["spec"] = spec;
        return obj.WithUnknown(route.UnknownFields);
    }

    /// <summary>Reads an IngressRoute; the object is not changed.</summary>
    public static IngressRoute Read(JsonObject source)
    {
        var root = (JsonObject)source.DeepClone();
        root.Remove("apiVersion");
        root.Remove("kind");
        var metadata = MetadataCodec.Take(root);
        var spec = JsonTake.Object(root, "spec") ?? [];
        var route = new IngressRoute
        {
            Metadata = metadata,
            EntryPoints = JsonTake.Strings(spec, "entryPoints"),
            Routes = JsonTake.Objects(spec, "routes")?.Select(ReadRule).ToList(),
            Tls = JsonTake.Object(spec, "tls") is { } tls ? ReadTls(tls) : null,
        };
        JsonTake.PutBackRest(root, "spec", spec);
        return route with { UnknownFields = JsonTake.Rest(root) };
    }

    private static JsonObject WriteRule(RouteRule rule)
    {
        var obj = new JsonObject();
        if (rule.Match is not null)
        {
            obj["match"] = TraefikRule.Build(rule.Match);
        }
        obj.Set("kind", rule.Kind).Set("priority", rule.Priority);
        if (rule.Services is not null)
        {
            obj["services"] = RouteBackendCodec.WriteAll(rule.Services);
        }
        if (rule.Middlewares is not null)
        {
            obj["middlewares"] = MiddlewareRefCodec.WriteAll(rule.Middlewares);
        }
        return obj.WithUnknown(rule.UnknownFields);
    }

    private static RouteRule ReadRule(JsonObject obj) => new()
    {
        Match = JsonTake.String(obj, "match") is { } match ? TraefikRule.Parse(match) : null,
        Kind = JsonTake.String(obj, "kind"),
        Priority = JsonTake.Int(obj, "priority"),
        Services = RouteBackendCodec.ReadAll(obj, "services"),
        Middlewares = MiddlewareRefCodec.ReadAll(obj, "middlewares"),
        UnknownFields = JsonTake.Rest(obj),
    };

    private static JsonObject WriteTls(RouteTls tls)
    {
        var obj = new JsonObject().Set("secretName", tls.SecretName).Set("certResolver", tls.CertResolver);
        if (tls.Options is { } options)
        {
            obj["options"] = new JsonObject { ["name"] = options.Name }.Set("namespace", options.Namespace).WithUnknown(options.UnknownFields);
        }
        return obj.WithUnknown(tls.UnknownFields);
    }

    private static RouteTls ReadTls(JsonObject obj)
    {
        TlsOptionRef? options = null;
        if (JsonTake.Object(obj, "options", o => o["name"] is JsonValue name && name.GetValueKind() == System.Text.Json.JsonValueKind.String) is { } taken)
        {
            options = new TlsOptionRef { Name = JsonTake.String(taken, "name")!, Namespace = JsonTake.String(taken, "namespace"), UnknownFields = JsonTake.Rest(taken) };
        }
        return new RouteTls
        {
            SecretName = JsonTake.String(obj, "secretName"),
            CertResolver = JsonTake.String(obj, "certResolver"),
            Options = options,
            UnknownFields = JsonTake.Rest(obj),
        };
    }
}
