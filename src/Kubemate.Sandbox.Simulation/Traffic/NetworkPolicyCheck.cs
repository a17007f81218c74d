using System.Net;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Selectors;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>
/// Kubernetes NetworkPolicy semantics for one TCP connection: the callee is isolated for ingress when a policy of its
/// namespace selects it with policy type Ingress, the caller for egress likewise with Egress; an isolated side lets
/// the connection through only when one of its rules matches the peer (podSelector, namespaceSelector, ipBlock) and
/// the port (number or name, TCP).
/// </summary>
public static class NetworkPolicyCheck
{
    public static bool Allows(ClusterView view, SimulatedPod caller, SimulatedPod callee, int targetPort) =>
        Permits(view, callee, "Ingress", "ingress", "from", caller, targetPort, callee)
        && Permits(view, caller, "Egress", "egress", "to", callee, targetPort, callee);

    private static bool Permits(ClusterView view, SimulatedPod subject, string type, string rulesField, string peersField, SimulatedPod peer, int port, SimulatedPod portOwner)
    {
        var policies = view.ObjectsIn(ClusterView.NetworkPolicies, subject.Namespace)
            .Where(p => LabelSelector.FromJson(p.At("spec", "podSelector") ?? new JsonObject(), "spec.podSelector").Matches(subject.Labels))
            .Where(p => Types(p).Contains(type))
            .ToList();
        if (policies.Count == 0)
        {
            return true;
        }
        return policies.Any(policy => (policy.At("spec", rulesField) as JsonArray ?? []).OfType<JsonObject>().Any(rule =>
            PeersMatch(view, rule[peersField] as JsonArray, policy.Namespace() ?? "", peer)
            && PortsMatch(rule["ports"] as JsonArray, port, portOwner)));
    }

    private static IReadOnlyList<string> Types(JsonObject policy)
    {
        if (policy.At("spec", "policyTypes") is JsonArray { Count: > 0 } types)
        {
            return types.Select(t => t?.ToString() ?? "").ToList();
        }
        return policy.At("spec", "egress") is JsonArray ? ["Ingress", "Egress"] : ["Ingress"];
    }

    private static bool PeersMatch(ClusterView view, JsonArray? peers, string policyNamespace, SimulatedPod peer)
    {
        if (peers is null || peers.Count == 0)
        {
            return true;
        }
        return peers.OfType<JsonObject>().Any(p =>
        {
            if (p["ipBlock"] is JsonObject block)
            {
                return IPAddress.TryParse(peer.Ip, out var address) && MeshAuthorization.NetworkAllows(block, address);
            }
            var namespaceSelector = p["namespaceSelector"];
            var namespaceMatches = namespaceSelector is null
                ? peer.Namespace == policyNamespace
                : LabelSelector.FromJson(namespaceSelector, "namespaceSelector").Matches(view.NamespaceLabels(peer.Namespace));
            var podMatches = p["podSelector"] is not { } podSelector || LabelSelector.FromJson(podSelector, "podSelector").Matches(peer.Labels);
            return namespaceMatches && podMatches;
        });
    }

    private static bool PortsMatch(JsonArray? ports, int port, SimulatedPod portOwner)
    {
        if (ports is null || ports.Count == 0)
        {
            return true;
        }
        return ports.OfType<JsonObject>().Any(p =>
        {
            if ((p.GetString("protocol") ?? "TCP") != "TCP")
            {
                return false;
            }
            if (p["port"] is not JsonValue value)
            {
                return true;
            }
            if (value.TryGetValue<int>(out var number))
            {
                var end = p.GetLong("endPort") ?? number;
                return port >= number && port <= end;
            }
            return value.ToString() == portOwner.PortName(port);
        });
    }
}
