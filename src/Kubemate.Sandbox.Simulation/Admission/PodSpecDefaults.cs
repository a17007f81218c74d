using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Simulation.Admission;

/// <summary>
/// The defaults the apiserver fills into every pod spec (in pods and in workload templates), so clients read back
/// what they would from a cluster. Only missing fields are set; what the client wrote is kept.
/// </summary>
public static class PodSpecDefaults
{
    public static void Apply(JsonObject spec)
    {
        spec["restartPolicy"] ??= "Always";
        spec["terminationGracePeriodSeconds"] ??= 30;
        spec["dnsPolicy"] ??= "ClusterFirst";
        spec["securityContext"] ??= new JsonObject();
        spec["schedulerName"] ??= "default-scheduler";
        foreach (var field in new[] { "containers", "initContainers" })
        {
            foreach (var container in (spec[field] as JsonArray ?? []).OfType<JsonObject>())
            {
                ApplyToContainer(container);
            }
        }
    }

    private static void ApplyToContainer(JsonObject container)
    {
        container["terminationMessagePath"] ??= "/dev/termination-log";
        container["terminationMessagePolicy"] ??= "File";
        container["imagePullPolicy"] ??= PullPolicyFor(container.GetString("image") ?? "");
        container["resources"] ??= new JsonObject();
        foreach (var port in (container["ports"] as JsonArray ?? []).OfType<JsonObject>())
        {
            port["protocol"] ??= "TCP";
        }
        foreach (var probe in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
        {
            if (container[probe] is JsonObject settings)
            {
                settings["timeoutSeconds"] ??= 1;
                settings["periodSeconds"] ??= 10;
                settings["successThreshold"] ??= 1;
                settings["failureThreshold"] ??= 3;
                if (settings["httpGet"] is JsonObject httpGet)
                {
                    httpGet["scheme"] ??= "HTTP";
                }
            }
        }
    }

    /// <summary>Always for <c>:latest</c> or untagged images, IfNotPresent otherwise, as the apiserver defaults it.</summary>
    public static string PullPolicyFor(string image)
    {
        if (image.Contains('@', StringComparison.Ordinal))
        {
            return "IfNotPresent";
        }
        var lastSegment = image[(image.LastIndexOf('/') + 1)..];
        var colon = lastSegment.LastIndexOf(':');
        return colon < 0 || lastSegment[(colon + 1)..] == "latest" ? "Always" : "IfNotPresent";
    }
}
