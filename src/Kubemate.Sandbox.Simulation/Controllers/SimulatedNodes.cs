namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>The sandbox's worker nodes: names and host IPs (registered as Node objects by <see cref="NodeRegistration"/>).</summary>
public static class SimulatedNodes
{
    public static IReadOnlyList<string> Names { get; } = ["sandbox-node-1", "sandbox-node-2", "sandbox-node-3"];

    /// <summary>The node's InternalIP, in the 172.18.0.0/16 network kind-style clusters use.</summary>
    public static string HostIp(string nodeName)
    {
        var index = IndexOf(nodeName);
        return $"172.18.0.{(index < 0 ? 250 : index + 2)}";
    }

    public static int IndexOf(string nodeName)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (Names[i] == nodeName)
            {
                return i;
            }
        }
        return -1;
    }
}
