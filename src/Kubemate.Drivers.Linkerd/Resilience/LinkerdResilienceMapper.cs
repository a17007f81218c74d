using System.Text.Json.Nodes;
using Kubemate.Drivers.Linkerd.Traffic;
using Kubemate.Model;
using Kubemate.Model.Collections;
using Kubemate.Model.Drivers;
using Kubemate.Model.Kube;
using Kubemate.Model.Resilience;
using Kubemate.Model.Traffic;
using Kubemate.Model.Validation;

namespace Kubemate.Drivers.Linkerd.Resilience;

/// <summary>
/// A policy for a whole service is a set of annotations on the Service (a partial object for server-side apply;
/// read back under the service's name). A policy with matches is an annotated Gateway API HTTPRoute or GRPCRoute
/// with the Service as parent and backend.
/// </summary>
internal sealed class LinkerdResilienceMapper : IModelMapper
{
    public bool Handles(IMeshModel model) => model is ResiliencePolicy;

    public IEnumerable<ValidationProblem> Validate(IMeshModel model)
    {
        var policy = (ResiliencePolicy)model;
        if (policy.Matches.Count > 0 && policy.Port is null)
        {
            yield return new("port", "a route to a Service needs the service port");
        }
        if (policy.Matches.Count == 0 && policy.Port is not null)
        {
            yield return new("port", "annotations on a Service cover all its ports; leave the port out or add matches");
        }
    }

    public IEnumerable<JsonObject> Render(IMeshModel model)
    {
        var policy = (ResiliencePolicy)model;
        JsonObject obj;
        if (policy.Matches.Count == 0)
        {
            obj = KubeJson.NewObject("v1", "Service", policy.Service, policy.Namespace);
        }
        else
        {
            var grpc = policy.Protocol == RouteProtocol.Grpc;
            obj = KubeJson.NewObject(LinkerdNames.GatewayV1, grpc ? "GRPCRoute" : "HTTPRoute", policy.Name, policy.Namespace);
            obj["spec"] = new JsonObject
            {
                ["parentRefs"] = new JsonArray(GatewayApiSplit.ParentRef(policy.Service, policy.Port)),
                ["rules"] = new JsonArray(new JsonObject
                {
                    ["matches"] = KubeJson.ToArray(policy.Matches.Select(m => (JsonNode?)(grpc ? GatewayApiMatches.ToGrpc(m) : GatewayApiMatches.ToHttp(m)))),
                    ["backendRefs"] = new JsonArray(GatewayApiSplit.BackendRef(policy.Service, policy.Port, weight: null)),
                }),
            };
        }
        foreach (var (key, value) in ResilienceAnnotations.For(policy))
        {
            KubeJson.SetAnnotation(obj, key, value);
        }
        yield return obj;
    }

    public IEnumerable<IMeshModel> Read(ObjectPool pool)
    {
        foreach (var service in pool.Unclaimed("", "Service"))
        {
            var annotations = KubeJson.Annotations(service);
            if (!ResilienceAnnotations.AnyIn(annotations))
            {
                continue;
            }
            if (ResilienceAnnotations.Read(annotations, out var reason) is not var (protocol, retry, timeouts))
            {
                pool.Decline(service, reason);
                continue;
            }
            pool.Claim(service);
            yield return Policy(KubeJson.Name(service), KubeJson.Namespace(service), KubeJson.Name(service), null, protocol, [], retry, timeouts);
        }
        foreach (var kind in new[] { "HTTPRoute", "GRPCRoute" })
        {
            foreach (var route in pool.Unclaimed(LinkerdNames.GatewayGroup, kind))
            {
                var policy = ReadRoute(route, kind == "GRPCRoute");
                if (policy is not null)
                {
                    pool.Claim(route);
                    yield return policy;
                }
            }
        }
    }

    /// <summary>A route is a policy when it is annotated and its one rule sends to its own parent Service; otherwise it is left for the split reader.</summary>
    private static ResiliencePolicy? ReadRoute(JsonObject route, bool grpc)
    {
        var annotations = KubeJson.Annotations(route);
        if (!ResilienceAnnotations.AnyIn(annotations) || GatewayApiSplit.ServiceParent(route) is not var (service, port)
            || KubeJson.Array(route, "spec.rules") is not [JsonObject rule]
            || KubeJson.Array(rule, "backendRefs") is not [JsonObject backend]
            || KubeJson.String(backend, "name") != service || KubeJson.Int(backend, "port") != port || backend["weight"] is not null)
        {
            return null;
        }
        var matches = new List<RequestMatch>();
        foreach (var node in KubeJson.Array(rule, "matches") ?? [])
        {
            var match = node is JsonObject json ? (grpc ? GatewayApiMatches.FromGrpc(json) : GatewayApiMatches.FromHttp(json)) : null;
            if (match is null)
            {
                return null;
            }
            matches.Add(match);
        }
        if (matches.Count == 0 || ResilienceAnnotations.Read(annotations, out _) is not var (protocol, retry, timeouts))
        {
            return null;
        }
        if (grpc != (protocol == RouteProtocol.Grpc) && retry?.On.Count > 0)
        {
            return null;
        }
        return Policy(KubeJson.Name(route), KubeJson.Namespace(route), service, port, grpc ? RouteProtocol.Grpc : RouteProtocol.Http, matches.ToValueList(), retry, timeouts);
    }

    private static ResiliencePolicy Policy(string name, string? ns, string service, int? port, RouteProtocol protocol, ValueList<RequestMatch> matches, RetryPolicy? retry, RouteTimeouts? timeouts)
    {
        var policy = new ResiliencePolicy { Name = name, Namespace = ns, Service = service, Port = port, Protocol = protocol, Matches = matches, Retry = retry, Timeouts = timeouts };
        // Linkerd has no opt-in flag: retries that exist on non-idempotent requests were opted into by whoever wrote them.
        return retry is not null && policy.CoversNonIdempotent() ? policy with { Retry = retry with { AllowNonIdempotent = true } } : policy;
    }
}
