using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Admission.BuiltIn;

/// <summary>
/// The node ports a NodePort or LoadBalancer Service asks for, as the apiserver's port allocator takes them before the
/// Service is validated: in the default range 30000-32767 and not held by another Service (ports of one Service
/// may share a node port only when they share the service port, e.g. TCP and UDP 53). The allocator stops at the
/// first refusal, so it is the only error reported. Ports left 0 are not allocated here.
/// </summary>
internal static class NodePortAllocation
{
    public const int First = 30000;
    public const int Last = 32767;

    public static FieldViolation? Refusal(AdmissionRequest request)
    {
        var ports = request.Object.At("spec", "ports") as JsonArray ?? [];
        if (!UsesNodePorts(request.Object) || ports.Count == 0)
        {
            return null;
        }
        var held = HeldElsewhere(request);
        var ownByPort = new Dictionary<long, long>();
        for (var i = 0; i < ports.Count; i++)
        {
            var nodePort = Fields.Integer(ports[i], "nodePort") ?? 0;
            if (nodePort == 0)
            {
                continue;
            }
            var path = $"spec.ports[{i}].nodePort";
            if (nodePort is < First or > Last)
            {
                return FieldViolation.Invalid(path, nodePort, $"provided port is not in the valid range. The range of valid ports is {First}-{Last}");
            }
            var servicePort = Fields.Integer(ports[i], "port") ?? 0;
            var takenHere = ownByPort.Any(entry => entry.Value == nodePort && entry.Key != servicePort);
            if (held.Contains(nodePort) || takenHere)
            {
                return FieldViolation.Invalid(path, nodePort, "provided port is already allocated");
            }
            ownByPort.TryAdd(servicePort, nodePort);
        }
        return null;
    }

    private static bool UsesNodePorts(JsonNode? service) => Fields.Text(service?["spec"], "type") is "NodePort" or "LoadBalancer";

    private static HashSet<long> HeldElsewhere(AdmissionRequest request)
    {
        var name = request.Object.Name();
        var held = new HashSet<long>();
        foreach (var stored in request.Store.List(request.Type.StorageKey).Items)
        {
            if ((stored.Key.Namespace == request.Namespace && stored.Key.Name == name) || !UsesNodePorts(stored.Object))
            {
                continue;
            }
            foreach (var port in stored.Object.At("spec", "ports") as JsonArray ?? [])
            {
                if (Fields.Integer(port, "nodePort") is { } nodePort and not 0)
                {
                    held.Add(nodePort);
                }
            }
        }
        return held;
    }
}
