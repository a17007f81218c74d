using System.Text.Json.Nodes;
using Kubemate.Model.Edge;
using Kubemate.Model.Edge.Ingress;
using Kubemate.Model.Edge.Middlewares;
using Kubemate.Renderers.Json;

namespace Kubemate.Renderers.Traefik;

/// <summary>Reads edge objects into an <see cref="EdgeConfiguration"/>; objects of kinds the edge model does not model are kept verbatim.</summary>
public static class TraefikReader
{
    public static EdgeConfiguration Read(IEnumerable<JsonObject> objects, string defaultNamespace = "default")
    {
        var routes = new List<IngressRoute>();
        var middlewares = new List<Middleware>();
        var policies = new List<TlsPolicy>();
        var services = new List<EdgeService>();
        var passthrough = new List<JsonObject>();
        foreach (var obj in objects)
        {
            if (KubeObject.ApiVersion(obj) != TraefikApi.ApiVersion)
            {
                passthrough.Add((JsonObject)obj.DeepClone());
                continue;
            }
            switch (KubeObject.Kind(obj))
            {
                case TraefikApi.IngressRouteKind:
                    routes.Add(IngressRouteCodec.Read(obj));
                    break;
                case TraefikApi.MiddlewareKind:
                    middlewares.Add(MiddlewareCodec.Read(obj));
                    break;
                case TraefikApi.TlsOptionKind:
                    policies.Add(TlsOptionCodec.Read(obj));
                    break;
                case TraefikApi.TraefikServiceKind:
                    services.Add(EdgeServiceCodec.Read(obj));
                    break;
                default:
                    passthrough.Add((JsonObject)obj.DeepClone());
                    break;
            }
        }
        return new EdgeConfiguration
        {
            DefaultNamespace = defaultNamespace,
            IngressRoutes = routes,
            Middlewares = middlewares,
            TlsPolicies = policies,
            Services = services,
            Passthrough = passthrough,
        };
    }
}
