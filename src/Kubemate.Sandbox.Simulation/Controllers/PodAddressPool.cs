using System.Net;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>
/// Pod IPs from the fake pod network 10.244.0.0/16: each simulated node has its own /18 (node 1 10.244.0.0/18,
/// node 2 10.244.64.0/18, node 3 10.244.128.0/18), addresses ending in .0 or .255 are skipped, and an address is
/// not handed out twice while a pod holds it. Thread-safe.
/// </summary>
public sealed class PodAddressPool
{
    private const uint Network = (10u << 24) | (244u << 16);
    private const int BlockBits = 14;
    private readonly HashSet<uint> _used = [];
    private readonly Dictionary<int, uint> _cursors = [];

    /// <summary>Marks an address as taken (e.g. by a pod that exists from before a restart).</summary>
    public void Reserve(string address)
    {
        if (IPAddress.TryParse(address, out var ip) && ToUInt(ip) is var value && (value & 0xFFFF0000) == Network)
        {
            lock (_used)
            {
                _used.Add(value);
            }
        }
    }

    public void Release(string address)
    {
        if (IPAddress.TryParse(address, out var ip))
        {
            lock (_used)
            {
                _used.Remove(ToUInt(ip));
            }
        }
    }

    /// <exception cref="InvalidOperationException">the node's block is exhausted.</exception>
    public string Allocate(string nodeName)
    {
        var block = SimulatedNodes.IndexOf(nodeName) is var index and >= 0 ? index : 3;
        var start = Network | ((uint)block << BlockBits);
        var size = 1u << BlockBits;
        lock (_used)
        {
            var cursor = _cursors.GetValueOrDefault(block);
            for (uint step = 0; step < size; step++)
            {
                var candidate = start + ((cursor + step) % size);
                var last = candidate & 0xFF;
                if (last is 0 or 255 || !_used.Add(candidate))
                {
                    continue;
                }
                _cursors[block] = (cursor + step + 1) % size;
                return ToText(candidate);
            }
        }
        throw new InvalidOperationException($"the pod network block of {nodeName} has no free address left");
    }

    private static uint ToUInt(IPAddress ip)
    {
        var bytes = ip.GetAddressBytes();
        return bytes.Length == 4 ? ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3] : 0;
    }

    private static string ToText(uint value) => $"{value >> 24}.{(value >> 16) & 0xFF}.{(value >> 8) & 0xFF}.{value & 0xFF}";
}
