using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Simulation.Tests.Traffic;

/// <summary>Adds the canary of the demo estate's orders: Deployment orders-v2 (pods app=orders, version=v2) and Service orders-v2.</summary>
public static class Canary
{
    public static async Task AddOrdersV2Async(TrafficCluster cluster, int replicas = 2)
    {
        var deployment = (await cluster.GetOrNullAsync("/apis/apps/v1/namespaces/orders/deployments/orders", default))!;
        var canary = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = "orders-v2", ["namespace"] = "orders" },
            ["spec"] = deployment["spec"]!.DeepClone(),
        };
        canary["spec"]!["replicas"] = replicas;
        canary["spec"]!["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "orders", ["version"] = "v2" } };
        canary["spec"]!["template"]!["metadata"]!["labels"]!["version"] = "v2";
        await cluster.SendAsync(HttpMethod.Post, "/apis/apps/v1/namespaces/orders/deployments", canary, "application/json", default);
        await cluster.CreateAsync("/api/v1/namespaces/orders/services", """
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"orders-v2","namespace":"orders"},
             "spec":{"selector":{"app":"orders","version":"v2"},"ports":[{"name":"http","port":8080,"targetPort":"http"}]}}
            """);
        await cluster.WaitForEndpointsAsync("orders", "orders-v2", replicas);
        await cluster.WaitForEndpointsAsync("orders", "orders", 2 + replicas);
    }
}
