using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Egress;
using Kubemate.Model.Edge.Network;
using Kubemate.Model.Validation;
using static Kubemate.Renderers.NetworkPolicies.NetworkPolicyBuilder;

namespace Kubemate.Renderers.NetworkPolicies;

/// <summary>
/// The L3/L4 layer of security policy: one allow rule per access rule, default-deny ingress per namespace with the
/// platform's exceptions, and the egress lockdown of an egress-gateway bundle.
/// </summary>
public static class NetworkPolicyRenderer
{
    public const string DefaultDenyName = "default-deny-ingress";
    public const string PlatformAllowName = "allow-platform-ingress";
    public const string EgressLockdownName = "egress-lockdown";

    public static JsonObject RenderAccessRule(NetworkAccessRule rule)
    {
        ModelValidationException.ThrowIfInvalid(rule);
        var peers = new List<JsonObject>();
        if (rule.SourceNamespaces.Count == 0 && rule.SourcePodLabels is not null)
        {
            peers.Add(Pods(rule.SourcePodLabels));
        }
        peers.AddRange(rule.SourceNamespaces.Select(ns => Namespace(ns, rule.SourcePodLabels)));
        peers.AddRange(rule.SourceCidrs.Select(Cidr));
        return Policy(
            "allow-" + rule.Name,
            rule.DestinationNamespace,
            rule.DestinationPodLabels,
            "Ingress",
            "ingress",
            [Rule("from", peers, rule.Ports.Select(p => Port(p.Port, p.Protocol)))]);
    }

    /// <summary>
    /// Denies all ingress to the namespace's pods, then admits the mesh control plane, the edge gateway, the nodes
    /// (kubelet probes) when their CIDRs are given, and optionally the namespace itself.
    /// </summary>
    public static IReadOnlyList<JsonObject> RenderNamespaceIsolation(NamespaceIsolation isolation)
    {
        ModelValidationException.ThrowIfInvalid(isolation);
        var deny = Policy(DefaultDenyName, isolation.Namespace, new Dictionary<string, string>(), "Ingress", "ingress", []);
        var peers = isolation.MeshControlPlaneNamespaces
            .Concat(isolation.GatewayNamespaces)
            .Distinct(StringComparer.Ordinal)
            .Select(ns => Namespace(ns))
            .Concat(isolation.NodeCidrs.Select(Cidr))
            .ToList();
        if (isolation.AllowSameNamespace)
        {
            peers.Add(Pods(null));
        }
        if (peers.Count == 0)
        {
            return [deny];
        }
        var allow = Policy(PlatformAllowName, isolation.Namespace, new Dictionary<string, string>(), "Ingress", "ingress", [Rule("from", peers)]);
        return [deny, allow];
    }

    /// <summary>
    /// Client namespaces may reach DNS, the mesh control plane, the egress gateway and (optionally) pods in the cluster;
    /// nothing outside. The gateway takes calls from the client namespaces only and may reach DNS, the API server and
    /// its destinations.
    /// </summary>
    public static IReadOnlyList<JsonObject> RenderEgressLockdown(EgressGatewayBundle bundle, IReadOnlyDictionary<string, string> gatewayPodLabels)
    {
        ModelValidationException.ThrowIfInvalid(bundle);
        var gateway = bundle.Gateway;
        var listenPort = bundle.ListenPort.ContainerPort;
        var dnsRule = Rule("to", [Namespace(bundle.Dns.Namespace, bundle.Dns.PodLabels)], [Port(bundle.Dns.Port, "UDP"), Port(bundle.Dns.Port, "TCP")]);
        var policies = new List<JsonObject>();
        foreach (var client in bundle.ClientNamespaces)
        {
            var rules = new List<JsonObject>
            {
                dnsRule,
                Rule("to", [Namespace(gateway.Namespace, gatewayPodLabels)], [Port(listenPort)]),
            };
            if (bundle.MeshControlPlaneNamespaces.Count > 0)
            {
                rules.Add(Rule("to", bundle.MeshControlPlaneNamespaces.Select(ns => Namespace(ns))));
            }
            if (bundle.AllowInClusterTraffic)
            {
                rules.Add(Rule("to", [AnyNamespace()]));
            }
            policies.Add(Policy(EgressLockdownName, client, new Dictionary<string, string>(), "Egress", "egress", rules.Select(r => (JsonObject)r.DeepClone())));
        }
        policies.Add(Policy(
            gateway.Name + "-ingress",
            gateway.Namespace,
            gatewayPodLabels,
            "Ingress",
            "ingress",
            [Rule("from", bundle.ClientNamespaces.Select(ns => Namespace(ns)), [Port(listenPort)])]));
        var egress = new List<JsonObject> { (JsonObject)dnsRule.DeepClone() };
        if (bundle.KubernetesApi is { } api)
        {
            egress.Add(Rule("to", api.Cidrs.Select(Cidr), [Port(api.Port)]));
        }
        if (bundle.MeshControlPlaneNamespaces.Count > 0)
        {
            egress.Add(Rule("to", bundle.MeshControlPlaneNamespaces.Select(ns => Namespace(ns))));
        }
        foreach (var destination in bundle.Destinations.GroupBy(d => (d.Port, Cidrs: string.Join(",", d.Cidrs ?? []))))
        {
            var cidrs = destination.First().Cidrs ?? [];
            egress.Add(Rule("to", cidrs.Select(Cidr), [Port(destination.Key.Port)]));
        }
        policies.Add(Policy(gateway.Name + "-egress", gateway.Namespace, gatewayPodLabels, "Egress", "egress", egress));
        return policies;
    }
}
