using System.Text.Json.Nodes;
using Kubemate.Sandbox.Simulation.Traffic;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Simulation.Tests.Traffic;

/// <summary>The Traefik gateway's calls follow a weighted TraefikService that an IngressRoute routes to.</summary>
public sealed class TraefikServiceSplitTests
{
    private const string WeightedFrontend = """
        {"apiVersion":"traefik.io/v1alpha1","kind":"TraefikService","metadata":{"name":"frontend","namespace":"web"},
         "spec":{"weighted":{"services":[{"name":"frontend","port":80,"weight":90},{"name":"frontend-v2","port":80,"weight":10}]}}}
        """;

    private const string RouteToTraefikService = """
        {"spec":{"routes":[{"match":"Host(`bank.example.com`)","kind":"Rule","middlewares":[{"name":"security-headers"}],
                            "services":[{"name":"frontend","kind":"TraefikService"}]}]}}
        """;

    /// <summary>A second frontend whose pods the frontend Service does not select (app=frontend-v2), with its own Service.</summary>
    private static async Task AddFrontendV2Async(TrafficCluster cluster)
    {
        var stable = (await cluster.GetOrNullAsync("/apis/apps/v1/namespaces/web/deployments/frontend", default))!;
        var spec = stable["spec"]!.DeepClone().AsObject();
        spec["replicas"] = 1;
        spec["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "frontend-v2" } };
        spec["template"]!["metadata"]!["labels"] = new JsonObject { ["app"] = "frontend-v2", ["version"] = "v2" };
        var deployment = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = "frontend-v2", ["namespace"] = "web" },
            ["spec"] = spec,
        };
        await cluster.SendAsync(HttpMethod.Post, "/apis/apps/v1/namespaces/web/deployments", deployment, "application/json", default);
        await cluster.CreateAsync("/api/v1/namespaces/web/services", """
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"frontend-v2","namespace":"web"},
             "spec":{"selector":{"app":"frontend-v2"},"ports":[{"name":"http","port":80,"targetPort":"http"}]}}
            """);
        await cluster.WaitForEndpointsAsync("web", "frontend-v2", 1);
    }

    private static async Task<Dictionary<string, double>> GatewayRequestsByServiceAsync(TrafficCluster cluster)
    {
        var samples = new List<Sample>();
        foreach (var pod in await cluster.PodsAsync("traefik", "app.kubernetes.io/name=traefik"))
        {
            samples.AddRange(await cluster.ScrapeAsync("traefik", pod, "9100", "metrics"));
        }
        return samples.Where(s => s.Name == "traefik_service_requests_total")
            .GroupBy(s => s.Label("service"))
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
    }

    [Fact]
    public async Task The_gateway_divides_its_calls_by_a_weighted_traefikservice_only_once_an_ingressroute_routes_to_it()
    {
        await using var cluster = await TrafficCluster.StartAsync();
        await AddFrontendV2Async(cluster);
        await cluster.CreateAsync("/apis/traefik.io/v1alpha1/namespaces/web/traefikservices", WeightedFrontend);

        // No route names the TraefikService yet: Traefik sends nothing through it.
        cluster.Tick(20);
        var unrouted = await GatewayRequestsByServiceAsync(cluster);
        Assert.Equal(["web-frontend-80@kubernetescrd"], unrouted.Keys);
        Assert.Equal(1000, unrouted["web-frontend-80@kubernetescrd"]);

        await cluster.SendAsync(HttpMethod.Patch, "/apis/traefik.io/v1alpha1/namespaces/web/ingressroutes/frontend",
            JsonNode.Parse(RouteToTraefikService), "application/merge-patch+json", default);
        cluster.Tick(100);
        var routed = await GatewayRequestsByServiceAsync(cluster);
        var stable = routed["web-frontend-80@kubernetescrd"] - 1000;
        var canary = routed["web-frontend-v2-80@kubernetescrd"];
        Assert.Equal(5000, stable + canary);
        Assert.InRange(canary / (stable + canary), 0.08, 0.12);

        // The canary's own pods receive those calls (inbound on frontend-v2's proxy, from the unmeshed gateway).
        var canaryPod = Assert.Single(await cluster.PodsAsync("web", "app=frontend-v2"));
        var inbound = (await cluster.ScrapeAsync("web", canaryPod)).Sum("request_total", s => s.Label("direction") == "inbound");
        Assert.Equal(canary, inbound);
    }

    [Fact]
    public void A_traefikservice_named_like_the_service_splits_the_gateways_calls_with_the_ports_it_names()
    {
        using var store = new ObjectStore();
        store.Create(new ObjectKey(ClusterView.TraefikServices, "orders", "orders"), JsonNode.Parse("""
            {"apiVersion":"traefik.io/v1alpha1","kind":"TraefikService","metadata":{"name":"orders","namespace":"orders"},
             "spec":{"weighted":{"services":[{"name":"orders-v1","port":8080,"weight":95},{"name":"orders-v2","port":8080,"weight":5},
                                             {"name":"elsewhere","namespace":"web","port":80,"weight":50},{"name":"nested","kind":"TraefikService"}]}}}
            """)!.AsObject());
        Assert.Equal([new WeightedBackend("orders", 1)], TrafficSplitResolver.ResolveAtGateway(ClusterView.Build(store), "orders", "orders"));

        store.Create(new ObjectKey(ClusterView.IngressRoutes, "edge", "orders"), JsonNode.Parse("""
            {"apiVersion":"traefik.io/v1alpha1","kind":"IngressRoute","metadata":{"name":"orders","namespace":"edge"},
             "spec":{"routes":[{"match":"PathPrefix(`/orders`)","kind":"Rule","services":[{"name":"orders","namespace":"orders","kind":"TraefikService"}]}]}}
            """)!.AsObject());
        var view = ClusterView.Build(store);

        Assert.Equal(
            [new WeightedBackend("orders-v1", 95, 8080, ViaTraefikService: true), new WeightedBackend("orders-v2", 5, 8080, ViaTraefikService: true)],
            TrafficSplitResolver.ResolveAtGateway(view, "orders", "orders"));
        // Other callers, and the gateway's calls to other Services, are not affected.
        Assert.Equal([new WeightedBackend("orders", 1)], TrafficSplitResolver.Resolve(view, "orders", "orders"));
        Assert.Equal([new WeightedBackend("inventory", 1)], TrafficSplitResolver.ResolveAtGateway(view, "orders", "inventory"));
    }
}
