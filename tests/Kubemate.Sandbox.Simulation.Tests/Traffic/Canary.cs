using Kubemate.Sandbox.Simulation.Estate;
using Kubemate.Sandbox.Simulation.Traffic;

namespace Kubemate.Sandbox.Simulation.Tests.Traffic;

/// <summary>Adds the canary of the demo estate's orders (<see cref="CanaryDemo.OrdersV2Objects"/>) over HTTP and waits for its endpoints.</summary>
public static class Canary
{
    public static async Task AddOrdersV2Async(TrafficCluster cluster, int replicas = 2)
    {
        var lines = await new CanaryDemoClient(cluster).AddAsync(replicas, default);
        Assert.Equal(["deployment orders/orders-v2 applied", "service orders/orders-v2 applied"], lines);
        await cluster.WaitForEndpointsAsync("orders", "orders-v2", replicas);
        await cluster.WaitForEndpointsAsync("orders", "orders", 2 + replicas);
    }

    /// <summary>The orders pods of one version label, in name order.</summary>
    public static Task<IReadOnlyList<string>> PodsAsync(TrafficCluster cluster, string version) =>
        cluster.PodsAsync("orders", $"app=orders,version={version}");
}
