using System.Text.Json.Nodes;
using Kubemate.Sandbox.Admission;
using Kubemate.Sandbox.Http;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Simulation.Admission;

/// <summary>
/// The Service part of the apiserver: defaults (type, ports' protocol and targetPort, traffic policies, IP family),
/// a cluster IP from 10.96.0.0/12 on create (so the create response already carries it; <c>None</c> stays headless),
/// node ports from 30000–32767 for NodePort and LoadBalancer services, and on update the allocated values kept
/// when the client leaves them out (a changed cluster IP is refused: it is immutable).
/// </summary>
public sealed class ServiceAllocation(ClusterIpPool pool) : IAdmissionPlugin
{
    private const int FirstNodePort = 30000;
    private const int LastNodePort = 32767;

    public bool Mutates => true;

    public void Admit(AdmissionRequest request)
    {
        if (request.Type.Group.Length > 0 || request.Type.Kind != "Service" || request.Subresource.Length > 0
            || request.Operation == AdmissionOperation.Delete)
        {
            return;
        }
        var service = request.Object;
        var spec = service.Obj("spec");
        var type = spec.GetString("type") ?? "ClusterIP";
        spec["type"] = type;
        if (request.OldObject is { } old)
        {
            KeepAllocated(service, spec, old);
        }
        ApplyDefaults(spec, type);
        if (type == "ExternalName")
        {
            spec.Remove("clusterIP");
            spec.Remove("clusterIPs");
            return;
        }
        AssignClusterIp(request, service, spec);
        if (type is "NodePort" or "LoadBalancer")
        {
            AssignNodePorts(request, service, spec);
        }
        if (request.Operation == AdmissionOperation.Create)
        {
            service["status"] = new JsonObject { ["loadBalancer"] = new JsonObject() };
        }
    }

    private static void ApplyDefaults(JsonObject spec, string type)
    {
        spec["sessionAffinity"] ??= "None";
        foreach (var port in (spec["ports"] as JsonArray ?? []).OfType<JsonObject>())
        {
            port["protocol"] ??= "TCP";
            if (port["targetPort"] is null && port.GetLong("port") is { } number)
            {
                port["targetPort"] = number;
            }
        }
        if (type == "ExternalName")
        {
            return;
        }
        spec["internalTrafficPolicy"] ??= "Cluster";
        spec["ipFamilies"] ??= new JsonArray("IPv4");
        spec["ipFamilyPolicy"] ??= "SingleStack";
        if (type is "NodePort" or "LoadBalancer")
        {
            spec["externalTrafficPolicy"] ??= "Cluster";
        }
        if (type == "LoadBalancer")
        {
            spec["allocateLoadBalancerNodePorts"] ??= true;
        }
    }

    private static void KeepAllocated(JsonObject service, JsonObject spec, JsonObject old)
    {
        var oldIp = old.GetString("spec", "clusterIP");
        var newIp = spec.GetString("clusterIP");
        if (newIp is null or "" && oldIp is not null)
        {
            spec["clusterIP"] = oldIp;
            spec["clusterIPs"] = old.At("spec", "clusterIPs")?.DeepClone() ?? new JsonArray(oldIp);
        }
        else if (oldIp is not null && newIp != oldIp && spec.GetString("type") != "ExternalName" && old.GetString("spec", "type") != "ExternalName")
        {
            throw Invalid(service, "spec.clusterIPs[0]", $"spec.clusterIPs[0]: Invalid value: \"{newIp}\": may not change once set");
        }
        var oldPorts = (old.At("spec", "ports") as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var port in (spec["ports"] as JsonArray ?? []).OfType<JsonObject>().Where(p => p["nodePort"] is null))
        {
            var match = oldPorts.FirstOrDefault(o => o.GetLong("port") == port.GetLong("port") && (o.GetString("protocol") ?? "TCP") == (port.GetString("protocol") ?? "TCP"));
            if (match?.GetLong("nodePort") is { } nodePort)
            {
                port["nodePort"] = nodePort;
            }
        }
    }

    private void AssignClusterIp(AdmissionRequest request, JsonObject service, JsonObject spec)
    {
        var requested = spec.GetString("clusterIP") ?? (spec["clusterIPs"] as JsonArray)?.FirstOrDefault().GetString();
        if (requested == "None")
        {
            spec["clusterIP"] = "None";
            spec["clusterIPs"] = new JsonArray("None");
            return;
        }
        if (request.OldObject?.GetString("spec", "clusterIP") is { } kept && kept == requested)
        {
            spec["clusterIPs"] = new JsonArray(kept);
            return;
        }
        if (requested is { Length: > 0 } && !ClusterIpPool.Contains(requested))
        {
            throw Invalid(service, "spec.clusterIPs", $"spec.clusterIPs: Invalid value: [\"{requested}\"]: failed to allocate IP {requested}: provided IP is not in the valid range. The range of valid IPs is 10.96.0.0/12");
        }
        var allocated = pool.Allocate(request.Store, requested is { Length: > 0 } ? requested : null)
            ?? throw Invalid(service, "spec.clusterIPs", $"spec.clusterIPs: Invalid value: [\"{requested}\"]: failed to allocate IP {requested}: provided IP is already allocated");
        spec["clusterIP"] = allocated;
        spec["clusterIPs"] = new JsonArray(allocated);
    }

    private static void AssignNodePorts(AdmissionRequest request, JsonObject service, JsonObject spec)
    {
        var used = request.Store.List("/services").Items
            .Where(s => !(s.Key.Namespace == request.Namespace && s.Key.Name == service.Name()))
            .SelectMany(s => (s.Object.At("spec", "ports") as JsonArray ?? []).OfType<JsonObject>())
            .Select(p => p.GetLong("nodePort"))
            .OfType<long>()
            .ToHashSet();
        var ports = (spec["ports"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        for (var i = 0; i < ports.Count; i++)
        {
            if (ports[i].GetLong("nodePort") is { } chosen)
            {
                if (chosen is < FirstNodePort or > LastNodePort)
                {
                    throw Invalid(service, $"spec.ports[{i}].nodePort", $"spec.ports[{i}].nodePort: Invalid value: {chosen}: provided port is not in the valid range. The range of valid ports is 30000-32767");
                }
                if (!used.Add(chosen))
                {
                    throw Invalid(service, $"spec.ports[{i}].nodePort", $"spec.ports[{i}].nodePort: Invalid value: {chosen}: provided port is already allocated");
                }
                continue;
            }
            var free = Enumerable.Range(0, 200).Select(_ => (long)Random.Shared.Next(FirstNodePort, LastNodePort + 1)).FirstOrDefault(p => !used.Contains(p));
            if (free == 0)
            {
                free = Enumerable.Range(FirstNodePort, LastNodePort - FirstNodePort + 1).Select(p => (long)p).FirstOrDefault(p => !used.Contains(p));
            }
            if (free == 0)
            {
                throw Invalid(service, $"spec.ports[{i}].nodePort", $"spec.ports[{i}].nodePort: Internal error: no free node port left in 30000-32767");
            }
            used.Add(free);
            ports[i]["nodePort"] = free;
        }
    }

    private static ApiError Invalid(JsonObject service, string field, string message) =>
        ApiError.Invalid("", "Service", service.Name(), [new StatusCause("FieldValueInvalid", message, field)]);
}
