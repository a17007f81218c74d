using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>
/// The status a kubelet reports for a pod in each phase of the simulation: Pending with addresses once scheduled,
/// Running with every container started and ready, Succeeded for run-to-completion pods. Init containers have
/// Completed; native sidecars (init containers with restartPolicy Always, e.g. a native linkerd-proxy) keep running.
/// </summary>
public static class PodStatusBuilder
{
    public static JsonObject Pending(JsonObject pod, string hostIp, string podIp, string now)
    {
        var spec = pod["spec"] as JsonObject ?? [];
        var inits = Containers(spec, "initContainers");
        var status = Base(pod, "Pending", hostIp, podIp, now);
        var initNames = string.Join(" ", inits.Where(c => !IsSidecar(c)).Select(c => c.GetString("name")));
        var appNames = string.Join(" ", Containers(spec, "containers").Select(c => c.GetString("name")));
        var conditions = new JsonArray
        {
            Condition("PodReadyToStartContainers", "False", now),
            inits.Count == 0
                ? Condition("Initialized", "True", now)
                : Condition("Initialized", "False", now, "ContainersNotInitialized", $"containers with incomplete status: [{initNames}]"),
            Condition("Ready", "False", now, "ContainersNotReady", $"containers with unready status: [{appNames}]"),
            Condition("ContainersReady", "False", now, "ContainersNotReady", $"containers with unready status: [{appNames}]"),
            Condition("PodScheduled", "True", now),
        };
        status["conditions"] = conditions;
        var waitingReason = inits.Count == 0 ? "ContainerCreating" : "PodInitializing";
        if (inits.Count > 0)
        {
            status["initContainerStatuses"] = new JsonArray(inits.Select(c => (JsonNode)Waiting(c, "PodInitializing")).ToArray());
        }
        status["containerStatuses"] = new JsonArray(Containers(spec, "containers").Select(c => (JsonNode)Waiting(c, waitingReason)).ToArray());
        return status;
    }

    public static JsonObject Running(JsonObject pod, string hostIp, string podIp, string startTime, string now)
    {
        var spec = pod["spec"] as JsonObject ?? [];
        var uid = pod.GetString("metadata", "uid") ?? "";
        var status = Base(pod, "Running", hostIp, podIp, startTime);
        status["conditions"] = new JsonArray
        {
            Condition("PodReadyToStartContainers", "True", now),
            Condition("Initialized", "True", now),
            Condition("Ready", "True", now),
            Condition("ContainersReady", "True", now),
            Condition("PodScheduled", "True", startTime),
        };
        var inits = Containers(spec, "initContainers");
        if (inits.Count > 0)
        {
            status["initContainerStatuses"] = new JsonArray(inits.Select(c => (JsonNode)(IsSidecar(c)
                ? RunningContainer(c, uid, now)
                : Completed(c, uid, startTime, now, ready: true))).ToArray());
        }
        status["containerStatuses"] = new JsonArray(Containers(spec, "containers").Select(c => (JsonNode)RunningContainer(c, uid, now)).ToArray());
        return status;
    }

    public static JsonObject Succeeded(JsonObject pod, string hostIp, string podIp, string startTime, string runningSince, string now)
    {
        var spec = pod["spec"] as JsonObject ?? [];
        var uid = pod.GetString("metadata", "uid") ?? "";
        var status = Base(pod, "Succeeded", hostIp, podIp, startTime);
        status["conditions"] = new JsonArray
        {
            Condition("PodReadyToStartContainers", "False", now),
            Condition("Initialized", "True", runningSince, "PodCompleted"),
            Condition("Ready", "False", now, "PodCompleted"),
            Condition("ContainersReady", "False", now, "PodCompleted"),
            Condition("PodScheduled", "True", startTime),
        };
        var inits = Containers(spec, "initContainers");
        if (inits.Count > 0)
        {
            status["initContainerStatuses"] = new JsonArray(inits.Select(c => (JsonNode)Completed(c, uid, startTime, IsSidecar(c) ? now : runningSince, ready: false)).ToArray());
        }
        status["containerStatuses"] = new JsonArray(Containers(spec, "containers").Select(c => (JsonNode)Completed(c, uid, runningSince, now, ready: false)).ToArray());
        return status;
    }

    /// <summary>Kubernetes' QoS class: Guaranteed when every container's requests equal its limits, BestEffort with none.</summary>
    public static string QosClass(JsonObject? spec)
    {
        var containers = Containers(spec, "containers").Concat(Containers(spec, "initContainers")).ToList();
        var anyResource = false;
        var guaranteed = containers.Count > 0;
        foreach (var container in containers)
        {
            var requests = Quantities(container.At("resources", "requests"));
            var limits = Quantities(container.At("resources", "limits"));
            anyResource |= requests.Count > 0 || limits.Count > 0;
            foreach (var resource in new[] { "cpu", "memory" })
            {
                if (!limits.TryGetValue(resource, out var limit) || (requests.TryGetValue(resource, out var request) && request != limit))
                {
                    guaranteed = false;
                }
            }
        }
        return !anyResource ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
    }

    /// <summary>Resource quantities as text, whether written as strings ("100m") or numbers (1).</summary>
    private static Dictionary<string, string> Quantities(JsonNode? node) =>
        (node as JsonObject ?? []).Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal);

    public static bool IsSidecar(JsonObject container) => container.GetString("restartPolicy") == "Always";

    public static List<JsonObject> Containers(JsonNode? spec, string field) =>
        (spec.At(field) as JsonArray ?? []).OfType<JsonObject>().ToList();

    private static JsonObject Base(JsonObject pod, string phase, string hostIp, string podIp, string startTime) => new()
    {
        ["phase"] = phase,
        ["hostIP"] = hostIp,
        ["hostIPs"] = new JsonArray(new JsonObject { ["ip"] = hostIp }),
        ["podIP"] = podIp,
        ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = podIp }),
        ["startTime"] = startTime,
        ["qosClass"] = pod.GetString("status", "qosClass") ?? QosClass(pod["spec"] as JsonObject),
    };

    private static JsonObject Condition(string type, string status, string time, string? reason = null, string? message = null)
    {
        var condition = new JsonObject
        {
            ["type"] = type,
            ["status"] = status,
            ["lastProbeTime"] = null,
            ["lastTransitionTime"] = time,
        };
        if (reason is not null)
        {
            condition["reason"] = reason;
        }
        if (message is not null)
        {
            condition["message"] = message;
        }
        return condition;
    }

    private static JsonObject Waiting(JsonObject container, string reason) => new()
    {
        ["name"] = container.GetString("name"),
        ["image"] = ContainerImages.Normalize(container.GetString("image") ?? ""),
        ["imageID"] = "",
        ["ready"] = false,
        ["started"] = false,
        ["restartCount"] = 0,
        ["state"] = new JsonObject { ["waiting"] = new JsonObject { ["reason"] = reason } },
        ["lastState"] = new JsonObject(),
    };

    private static JsonObject RunningContainer(JsonObject container, string uid, string startedAt) => new()
    {
        ["name"] = container.GetString("name"),
        ["image"] = ContainerImages.Normalize(container.GetString("image") ?? ""),
        ["imageID"] = ContainerImages.ImageId(container.GetString("image") ?? ""),
        ["containerID"] = ContainerImages.ContainerId(uid, container.GetString("name") ?? "", 0),
        ["ready"] = true,
        ["started"] = true,
        ["restartCount"] = 0,
        ["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = startedAt } },
        ["lastState"] = new JsonObject(),
    };

    private static JsonObject Completed(JsonObject container, string uid, string startedAt, string finishedAt, bool ready) => new()
    {
        ["name"] = container.GetString("name"),
        ["image"] = ContainerImages.Normalize(container.GetString("image") ?? ""),
        ["imageID"] = ContainerImages.ImageId(container.GetString("image") ?? ""),
        ["containerID"] = ContainerImages.ContainerId(uid, container.GetString("name") ?? "", 0),
        ["ready"] = ready,
        ["started"] = false,
        ["restartCount"] = 0,
        ["state"] = new JsonObject
        {
            ["terminated"] = new JsonObject
            {
                ["exitCode"] = 0,
                ["reason"] = "Completed",
                ["startedAt"] = startedAt,
                ["finishedAt"] = finishedAt,
                ["containerID"] = ContainerImages.ContainerId(uid, container.GetString("name") ?? "", 0),
            },
        },
        ["lastState"] = new JsonObject(),
    };
}
