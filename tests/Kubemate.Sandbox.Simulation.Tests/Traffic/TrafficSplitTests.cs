using System.Text.Json.Nodes;
using Kubemate.Sandbox.Simulation.Traffic;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Simulation.Tests.Traffic;

public sealed class TrafficSplitTests
{
    private static async Task<(double V1, double V2)> BackendShareAsync(TrafficCluster cluster, int seconds)
    {
        var before = await cluster.ScrapeAppAsync("web", "frontend");
        cluster.Tick(seconds);
        var after = await cluster.ScrapeAppAsync("web", "frontend");
        double Delta(string service) =>
            after.Sum("request_total", s => s.Label("direction") == "outbound" && s.Label("dst_service") == service)
            - before.Sum("request_total", s => s.Label("direction") == "outbound" && s.Label("dst_service") == service);
        var v1 = Delta("orders-v1");
        var v2 = Delta("orders-v2");
        Assert.Equal(0, Delta("orders"));
        return (v1 / (v1 + v2), v2 / (v1 + v2));
    }

    [Fact]
    public async Task An_httproute_with_a_service_parent_divides_calls_by_weight_and_follows_weight_changes()
    {
        await using var cluster = await TrafficCluster.StartAsync();
        await Canary.AddOrdersV2Async(cluster);
        var route = await cluster.CreateAsync("/apis/gateway.networking.k8s.io/v1/namespaces/orders/httproutes", """
            {"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"orders-split","namespace":"orders"},
             "spec":{"parentRefs":[{"group":"core","kind":"Service","name":"orders","port":8080}],
                     "rules":[{"backendRefs":[{"name":"orders-v1","port":8080,"weight":90},{"name":"orders-v2","port":8080,"weight":10}]}]}}
            """);

        var (v1, v2) = await BackendShareAsync(cluster, 100);
        Assert.InRange(v2, 0.07, 0.13);
        Assert.InRange(v1, 0.87, 0.93);

        await cluster.SendAsync(HttpMethod.Patch, "/apis/gateway.networking.k8s.io/v1/namespaces/orders/httproutes/orders-split",
            JsonNode.Parse("""{"spec":{"rules":[{"backendRefs":[{"name":"orders-v1","port":8080,"weight":50},{"name":"orders-v2","port":8080,"weight":50}]}]}}"""),
            "application/merge-patch+json", default);
        (v1, v2) = await BackendShareAsync(cluster, 100);
        Assert.InRange(v2, 0.45, 0.55);

        // The canary's own pods receive the calls: inbound on orders-v2's pods.
        var canary = await cluster.ScrapeAppAsync("orders", "orders");
        Assert.Contains(canary, s => s.Name == "request_total" && s.Label("direction") == "inbound");
        Assert.NotNull(route);
    }

    [Fact]
    public async Task An_smi_trafficsplit_divides_calls_by_weight()
    {
        await using var cluster = await TrafficCluster.StartAsync();
        await Canary.AddOrdersV2Async(cluster);
        await cluster.CreateAsync("/apis/split.smi-spec.io/v1alpha2/namespaces/orders/trafficsplits", """
            {"apiVersion":"split.smi-spec.io/v1alpha2","kind":"TrafficSplit","metadata":{"name":"orders","namespace":"orders"},
             "spec":{"service":"orders","backends":[{"service":"orders-v1","weight":75},{"service":"orders-v2","weight":25}]}}
            """);
        var (_, v2) = await BackendShareAsync(cluster, 100);
        Assert.InRange(v2, 0.21, 0.29);
    }

    [Fact]
    public void An_istio_virtualservice_divides_calls_by_its_route_weights()
    {
        using var store = new ObjectStore();
        var virtualService = JsonNode.Parse("""
            {"apiVersion":"networking.istio.io/v1","kind":"VirtualService","metadata":{"name":"orders","namespace":"orders"},
             "spec":{"hosts":["orders.orders.svc.cluster.local"],
                     "http":[{"route":[{"destination":{"host":"orders-v1"},"weight":80},{"destination":{"host":"orders-v2.orders.svc.cluster.local"},"weight":20}]}]}}
            """)!.AsObject();
        store.Create(new ObjectKey(ClusterView.VirtualServices, "orders", "orders"), virtualService);

        var backends = TrafficSplitResolver.Resolve(ClusterView.Build(store), "orders", "orders");

        Assert.Equal([new WeightedBackend("orders-v1", 80), new WeightedBackend("orders-v2", 20)], backends);
        Assert.Equal([new WeightedBackend("payment", 1)], TrafficSplitResolver.Resolve(ClusterView.Build(store), "payments", "payment"));
    }
}
