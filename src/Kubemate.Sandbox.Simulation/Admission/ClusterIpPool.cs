using System.Net;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Simulation.Admission;

/// <summary>
/// Service cluster IPs from 10.96.0.0/12, picked at random as the apiserver's allocator does. 10.96.0.1 (the
/// kubernetes service) and 10.96.0.10 (cluster DNS) are reserved. An address is free when no stored Service has
/// it and it was not handed out in the last minute (a create that is still on its way to the store).
/// </summary>
public sealed class ClusterIpPool(TimeProvider clock)
{
    private const uint First = (10u << 24) | (96u << 16);
    private const uint Size = 1u << 20;
    private static readonly TimeSpan Pending = TimeSpan.FromMinutes(1);
    private readonly Dictionary<uint, DateTimeOffset> _recent = [];

    public static bool Contains(string address) => Parse(address) is { } value && value - First < Size;

    /// <summary>Takes a free address, or the requested one when it is free; null when the requested one is taken.</summary>
    public string? Allocate(ObjectStore store, string? requested)
    {
        var used = UsedAddresses(store);
        lock (_recent)
        {
            var now = clock.GetUtcNow();
            foreach (var stale in _recent.Where(p => now - p.Value > Pending).Select(p => p.Key).ToList())
            {
                _recent.Remove(stale);
            }
            if (requested is not null)
            {
                var value = Parse(requested)!.Value;
                if (used.Contains(value) || _recent.ContainsKey(value))
                {
                    return null;
                }
                _recent[value] = now;
                return requested;
            }
            for (var attempt = 0; attempt < 10_000; attempt++)
            {
                var candidate = First + (uint)Random.Shared.NextInt64(2, Size - 1);
                if (candidate == First + 10 || used.Contains(candidate) || _recent.ContainsKey(candidate))
                {
                    continue;
                }
                _recent[candidate] = now;
                return Text(candidate);
            }
        }
        throw new InvalidOperationException("the service cluster IP range 10.96.0.0/12 is full");
    }

    private static HashSet<uint> UsedAddresses(ObjectStore store)
    {
        var used = new HashSet<uint> { First + 1, First + 10 };
        foreach (var service in store.List("/services").Items)
        {
            if (service.Object.GetString("spec", "clusterIP") is { } ip && Parse(ip) is { } value)
            {
                used.Add(value);
            }
        }
        return used;
    }

    private static uint? Parse(string address)
    {
        if (!IPAddress.TryParse(address, out var ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return null;
        }
        var bytes = ip.GetAddressBytes();
        return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
    }

    private static string Text(uint value) => $"{value >> 24}.{(value >> 16) & 0xFF}.{(value >> 8) & 0xFF}.{value & 0xFF}";
}
