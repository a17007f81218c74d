using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Model;
using Kubemate.Model.Collections;
using Kubemate.Model.Drivers;
using Kubemate.Model.Kube;
using Kubemate.Model.Resilience;
using Kubemate.Model.Traffic;
using Kubemate.Model.Validation;

namespace Kubemate.Drivers.Istio.Resilience;

/// <summary>
/// A policy as a VirtualService for the service: the matching route carries <c>timeout</c> and
/// <c>retries</c> (<c>attempts</c>, <c>perTryTimeout</c>, <c>retryOn</c>), followed by a catch-all when it matches.
/// gRPC matches become <c>/service/method</c> URIs.
/// </summary>
internal sealed class IstioResilienceMapper : IModelMapper
{
    public bool Handles(IMeshModel model) => model is ResiliencePolicy;

    public IEnumerable<ValidationProblem> Validate(IMeshModel model)
    {
        var policy = (ResiliencePolicy)model;
        if (policy.Timeouts?.Response is not null)
        {
            yield return new("timeouts.response", "Istio has a request timeout and a per-try timeout, not a response timeout");
        }
        for (var i = 0; i < policy.Matches.Count; i++)
        {
            var match = policy.Matches[i];
            if (match.GrpcMethod is not null && match.GrpcService is null)
            {
                yield return new($"matches[{i}].grpcService", "Istio matches gRPC methods by URI and needs the service");
            }
            foreach (var header in match.Headers.Where(h => h.Name != h.Name.ToLowerInvariant()))
            {
                yield return new($"matches[{i}].headers", $"Istio matches header names in lower case; write '{header.Name.ToLowerInvariant()}'");
            }
        }
        if (policy.Protocol == RouteProtocol.Grpc && policy.Retry is null)
        {
            yield return new("retry", "Istio tells a gRPC policy from its retry codes; give a retry");
        }
    }

    public IEnumerable<JsonObject> Render(IMeshModel model)
    {
        var policy = (ResiliencePolicy)model;
        var service = KubeJson.NewObject(IstioNames.NetworkingV1, "VirtualService", policy.Name, policy.Namespace);
        var route = new JsonObject();
        if (policy.Matches.Count > 0)
        {
            route["match"] = KubeJson.ToArray(policy.Matches.Select(m => (JsonNode?)VirtualServiceRoutes.Match(m)));
        }
        route["route"] = new JsonArray(new JsonObject { ["destination"] = VirtualServiceRoutes.Destination(policy.Service, policy.Port) });
        if (policy.Timeouts?.Request is string timeout)
        {
            route["timeout"] = timeout;
        }
        if (policy.Retry is { } retry)
        {
            var retries = new JsonObject();
            if (retry.Limit is int limit)
            {
                retries["attempts"] = limit;
            }
            if (retry.PerTryTimeout is not null)
            {
                retries["perTryTimeout"] = retry.PerTryTimeout;
            }
            retries["retryOn"] = string.Join(",", retry.On);
            route["retries"] = retries;
        }
        var http = new JsonArray(route);
        if (policy.Matches.Count > 0)
        {
            http.Add(VirtualServiceRoutes.CatchAll(policy.Service, policy.Port));
        }
        service["spec"] = new JsonObject { ["hosts"] = new JsonArray(policy.Service), ["http"] = http };
        yield return service;
    }

    public IEnumerable<IMeshModel> Read(ObjectPool pool)
    {
        foreach (var service in pool.Unclaimed(IstioNames.NetworkingGroup, "VirtualService"))
        {
            if (Read(service) is { } policy)
            {
                pool.Claim(service);
                yield return policy;
            }
        }
    }

    /// <summary>A VirtualService is a policy when its first route has a timeout or retries and goes to its own host only; otherwise it is left for the split reader.</summary>
    private static ResiliencePolicy? Read(JsonObject service)
    {
        if (KubeJson.Array(service, "spec.hosts") is not [JsonValue hostValue] || hostValue.GetValueKind() != JsonValueKind.String
            || KubeJson.Array(service, "spec.http") is not { Count: 1 or 2 } http || http[0] is not JsonObject route
            || (route["timeout"] is null && route["retries"] is null)
            || KubeJson.Array(route, "route") is not [JsonObject destination] || (KubeJson.Int(destination, "weight") ?? 100) != 100)
        {
            return null;
        }
        var host = hostValue.GetValue<string>();
        var port = KubeJson.Int(destination, "destination.port.number");
        if (!VirtualServiceRoutes.IsDestination(destination["destination"], host, port, subset: null))
        {
            return null;
        }
        var retryOn = KubeJson.String(route, "retries.retryOn")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToValueList();
        var grpc = retryOn?.Any(RetryConditions.RetryableGrpcCodes.Contains) == true;
        var matches = new List<RequestMatch>();
        foreach (var node in KubeJson.Array(route, "match") ?? [])
        {
            if (node is not JsonObject json || VirtualServiceRoutes.ReadMatch(json, grpc) is not RequestMatch match)
            {
                return null;
            }
            matches.Add(match);
        }
        if (http.Count == 2 != (matches.Count > 0) || (http.Count == 2 && !VirtualServiceRoutes.IsCatchAll(http[1], host, port)))
        {
            return null;
        }
        var retry = route["retries"] is JsonObject retries
            ? new RetryPolicy { On = retryOn ?? [], Limit = KubeJson.Int(retries, "attempts"), PerTryTimeout = KubeJson.String(retries, "perTryTimeout") }
            : null;
        var timeout = KubeJson.String(route, "timeout");
        var policy = new ResiliencePolicy
        {
            Name = KubeJson.Name(service),
            Namespace = KubeJson.Namespace(service),
            Service = host,
            Port = port,
            Protocol = grpc ? RouteProtocol.Grpc : RouteProtocol.Http,
            Matches = matches.ToValueList(),
            Timeouts = timeout is null ? null : new RouteTimeouts { Request = timeout },
            Retry = retry,
        };
        return retry is not null && policy.CoversNonIdempotent() ? policy with { Retry = retry with { AllowNonIdempotent = true } } : policy;
    }
}
