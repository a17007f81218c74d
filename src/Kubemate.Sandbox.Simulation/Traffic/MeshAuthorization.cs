using System.Net;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Selectors;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>
/// Linkerd's inbound policy for a meshed pod's port. A Server selecting the pod and port makes the port accept only
/// what an AuthorizationPolicy targeting that Server allows (every required authentication satisfied:
/// MeshTLSAuthentication identities or identityRefs, NetworkAuthentication networks, ServiceAccount). Without a
/// Server the default policy applies: the pod's or namespace's <c>config.linkerd.io/default-inbound-policy</c>,
/// else <c>all-unauthenticated</c>.
/// </summary>
public static class MeshAuthorization
{
    public const string DefaultPolicyAnnotation = "config.linkerd.io/default-inbound-policy";
    public const string ClusterDefault = "all-unauthenticated";

    public static AuthorizationDecision Decide(ClusterView view, SimulatedPod? caller, SimulatedPod callee, int targetPort)
    {
        var server = ServerFor(view, callee, targetPort);
        if (server is null)
        {
            var policy = callee.Annotations.GetValueOrDefault(DefaultPolicyAnnotation)
                ?? view.Namespace(callee.Namespace).Annotations().GetValueOrDefault(DefaultPolicyAnnotation)
                ?? ClusterDefault;
            var allowed = policy switch
            {
                "deny" => false,
                "all-authenticated" or "cluster-authenticated" => caller?.LinkerdMeshed == true,
                _ => true,
            };
            return new AuthorizationDecision(allowed, "default", policy, allowed ? "default" : null, allowed ? policy : null);
        }
        var serverName = server.Name();
        foreach (var policy in view.ObjectsIn(ClusterView.AuthorizationPolicies, callee.Namespace).OrderBy(p => p.Name(), StringComparer.Ordinal))
        {
            if (policy.GetString("spec", "targetRef", "kind") is not ("Server" or "server") || policy.GetString("spec", "targetRef", "name") != serverName)
            {
                continue;
            }
            var required = (policy.At("spec", "requiredAuthenticationRefs") as JsonArray ?? []).OfType<JsonObject>().ToList();
            if (required.All(r => Satisfies(view, r, policy.Namespace() ?? "", caller)))
            {
                return new AuthorizationDecision(true, "server", serverName, "authorizationpolicy", policy.Name());
            }
        }
        return new AuthorizationDecision(false, "server", serverName, null, null);
    }

    /// <summary>The first Server (by name) in the pod's namespace that selects the pod and the port (number or name).</summary>
    public static JsonObject? ServerFor(ClusterView view, SimulatedPod pod, int targetPort) =>
        view.ObjectsIn(ClusterView.Servers, pod.Namespace)
            .OrderBy(s => s.Name(), StringComparer.Ordinal)
            .FirstOrDefault(server =>
                server.At("spec", "podSelector") is JsonObject selector
                && LabelSelector.FromJson(selector, "spec.podSelector").Matches(pod.Labels)
                && server.At("spec", "port") is JsonValue port
                && (port.TryGetValue<int>(out var number) ? number == targetPort : port.ToString() == pod.PortName(targetPort)));

    private static bool Satisfies(ClusterView view, JsonObject reference, string policyNamespace, SimulatedPod? caller)
    {
        var ns = reference.GetString("namespace") ?? policyNamespace;
        var name = reference.GetString("name") ?? "";
        switch (reference.GetString("kind"))
        {
            case "ServiceAccount":
                return caller is { LinkerdMeshed: true } && caller.ServiceAccount == name && caller.Namespace == ns;
            case "MeshTLSAuthentication":
                var mtls = view.ObjectsIn(ClusterView.MeshTlsAuthentications, ns).FirstOrDefault(m => m.Name() == name);
                return mtls is not null && caller is { LinkerdMeshed: true } && MeshTlsAllows(mtls, caller);
            case "NetworkAuthentication":
                var network = view.ObjectsIn(ClusterView.NetworkAuthentications, ns).FirstOrDefault(m => m.Name() == name);
                return network is not null && caller is not null && NetworksAllow(network.At("spec", "networks") as JsonArray, caller.Ip);
            default:
                return false;
        }
    }

    private static bool MeshTlsAllows(JsonObject mtls, SimulatedPod caller)
    {
        var identities = (mtls.At("spec", "identities") as JsonArray ?? []).Select(i => i?.ToString()).OfType<string>();
        if (identities.Any(pattern => IdentityMatches(pattern, caller.Identity)))
        {
            return true;
        }
        return (mtls.At("spec", "identityRefs") as JsonArray ?? []).OfType<JsonObject>().Any(r => r.GetString("kind") switch
        {
            "ServiceAccount" => (r.GetString("name") is "*" || r.GetString("name") == caller.ServiceAccount)
                                && (r.GetString("namespace") ?? mtls.Namespace()) == caller.Namespace,
            "Namespace" => r.GetString("name") is "*" || r.GetString("name") == caller.Namespace,
            _ => false,
        });
    }

    /// <summary><c>*</c> matches every identity; <c>*.suffix</c> every identity ending in <c>.suffix</c>.</summary>
    public static bool IdentityMatches(string pattern, string identity) =>
        pattern == "*" || pattern == identity || (pattern.StartsWith("*.", StringComparison.Ordinal) && identity.EndsWith(pattern[1..], StringComparison.Ordinal));

    /// <summary>True when <paramref name="ip"/> is in one of the networks' <c>cidr</c> and in none of its <c>except</c>.</summary>
    public static bool NetworksAllow(JsonArray? networks, string ip) =>
        IPAddress.TryParse(ip, out var address) && (networks ?? []).OfType<JsonObject>().Any(n => NetworkAllows(n, address));

    /// <summary>True when <paramref name="address"/> is in the network's (or ipBlock's) <c>cidr</c> and in none of its <c>except</c>.</summary>
    public static bool NetworkAllows(JsonObject network, IPAddress address) =>
        Contains(network.GetString("cidr"), address)
        && !(network["except"] as JsonArray ?? []).Any(e => Contains(e?.ToString(), address));

    public static bool Contains(string? cidr, IPAddress address) =>
        cidr is not null && IPNetwork.TryParse(cidr.Contains('/') ? cidr : cidr + (cidr.Contains(':') ? "/128" : "/32"), out var network) && network.Contains(address);
}
