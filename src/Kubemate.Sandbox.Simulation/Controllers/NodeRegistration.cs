using System.Text.Json.Nodes;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>
/// Registers the simulated worker nodes as Node objects, as each kubelet does when it joins, so that
/// `kubectl get nodes` and anything that reads node capacity see the nodes pods are scheduled on.
/// </summary>
public sealed class NodeRegistration : ISandboxComponent
{
    private const string NodeResource = "/nodes";

    public Task StartAsync(SandboxContext context, SandboxServer server, CancellationToken cancellationToken)
    {
        var now = context.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var name in SimulatedNodes.Names)
        {
            if (context.Store.Get(new ObjectKey(NodeResource, "", name)) is not null)
            {
                continue;
            }
            try
            {
                context.Writer.Create(Node(name, now), "kubelet");
            }
            catch (AlreadyExistsException)
            {
            }
        }
        return Task.CompletedTask;
    }

    private static JsonObject Node(string name, string now)
    {
        JsonObject Condition(string type, string status, string reason, string message) => new()
        {
            ["type"] = type,
            ["status"] = status,
            ["lastHeartbeatTime"] = now,
            ["lastTransitionTime"] = now,
            ["reason"] = reason,
            ["message"] = message,
        };
        JsonObject Resources() => new() { ["cpu"] = "4", ["memory"] = "16Gi", ["pods"] = "110", ["ephemeral-storage"] = "100Gi" };
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Node",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["labels"] = new JsonObject
                {
                    ["kubernetes.io/hostname"] = name,
                    ["kubernetes.io/os"] = "linux",
                    ["kubernetes.io/arch"] = "amd64",
                    ["node.kubernetes.io/instance-type"] = "sandbox",
                },
            },
            ["spec"] = new JsonObject { ["podCIDR"] = $"10.244.{SimulatedNodes.IndexOf(name)}.0/24" },
            ["status"] = new JsonObject
            {
                ["capacity"] = Resources(),
                ["allocatable"] = Resources(),
                ["conditions"] = new JsonArray(
                    Condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
                    Condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
                    Condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
                    Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status (simulated)")),
                ["addresses"] = new JsonArray(
                    new JsonObject { ["type"] = "InternalIP", ["address"] = SimulatedNodes.HostIp(name) },
                    new JsonObject { ["type"] = "Hostname", ["address"] = name }),
                ["nodeInfo"] = new JsonObject
                {
                    ["kubeletVersion"] = "v1.32.0",
                    ["kubeProxyVersion"] = "v1.32.0",
                    ["containerRuntimeVersion"] = "containerd://1.7.24",
                    ["operatingSystem"] = "linux",
                    ["architecture"] = "amd64",
                    ["osImage"] = "Kubemate sandbox (simulated)",
                    ["kernelVersion"] = "simulated",
                    ["machineID"] = "",
                    ["systemUUID"] = "",
                    ["bootID"] = "",
                },
            },
        };
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
