using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>One port of an endpoint: the Service port's name, protocol and appProtocol, and the pod's port number.</summary>
public sealed record EndpointPort(string Name, int Port, string Protocol, string? AppProtocol)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["name"] = Name, ["port"] = Port, ["protocol"] = Protocol };
        if (AppProtocol is not null)
        {
            json["appProtocol"] = AppProtocol;
        }
        return json;
    }
}

/// <summary>Resolves a Service's ports against one pod: numeric targetPorts as given, named ones by the pod's container ports.</summary>
public static class ServicePorts
{
    /// <summary>The pod's endpoint ports for the service, or null when a named targetPort is missing from the pod.</summary>
    public static IReadOnlyList<EndpointPort>? Resolve(JsonObject service, JsonObject pod)
    {
        var ports = new List<EndpointPort>();
        foreach (var port in (service.At("spec", "ports") as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = port.GetString("name") ?? "";
            var protocol = port.GetString("protocol") ?? "TCP";
            var appProtocol = port.GetString("appProtocol");
            var target = port["targetPort"];
            int? number = target switch
            {
                JsonValue v when v.GetValueKind() == JsonValueKind.Number => (int?)v.GetLong(),
                JsonValue v when v.GetValueKind() == JsonValueKind.String => NamedPort(pod, v.GetValue<string>(), protocol),
                _ => (int?)port.GetLong("port"),
            };
            if (number is null)
            {
                return null;
            }
            ports.Add(new EndpointPort(name, number.Value, protocol, appProtocol));
        }
        return ports;
    }

    private static int? NamedPort(JsonObject pod, string name, string protocol)
    {
        if (int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var numeric))
        {
            return numeric;
        }
        return PodStatusBuilder.Containers(pod["spec"], "containers")
            .Concat(PodStatusBuilder.Containers(pod["spec"], "initContainers").Where(PodStatusBuilder.IsSidecar))
            .SelectMany(c => (c["ports"] as JsonArray ?? []).OfType<JsonObject>())
            .Where(p => p.GetString("name") == name && (p.GetString("protocol") ?? "TCP") == protocol)
            .Select(p => (int?)p.GetLong("containerPort"))
            .FirstOrDefault();
    }
}
