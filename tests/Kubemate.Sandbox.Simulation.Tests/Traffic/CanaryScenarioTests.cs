using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Simulation.Traffic;

namespace Kubemate.Sandbox.Simulation.Tests.Traffic;

/// <summary>The canary scenarios a release controller is tested against: a slow canary, a crash-looping one, low traffic.</summary>
public sealed class CanaryScenarioTests
{
    private const string Split = """
        {"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"orders-split","namespace":"orders"},
         "spec":{"parentRefs":[{"group":"core","kind":"Service","name":"orders","port":8080}],
                 "rules":[{"backendRefs":[{"name":"orders-v1","port":8080,"weight":95},{"name":"orders-v2","port":8080,"weight":5}]}]}}
        """;

    private static bool Inbound(Sample s) => s.Label("direction") == "inbound";

    private static async Task<List<Sample>> ScrapeVersionAsync(TrafficCluster cluster, string version)
    {
        var samples = new List<Sample>();
        foreach (var pod in await Canary.PodsAsync(cluster, version))
        {
            samples.AddRange(await cluster.ScrapeAsync("orders", pod));
        }
        return samples;
    }

    private static async Task<JsonObject> OrdersContainerAsync(TrafficCluster cluster, string pod) =>
        (await cluster.GetOrNullAsync($"/api/v1/namespaces/orders/pods/{pod}", default))!.At("status", "containerStatuses") is JsonArray statuses
            ? statuses.OfType<JsonObject>().Single(s => s.GetString("name") == "orders")
            : throw new InvalidOperationException($"pod {pod} has no container statuses");

    private static async Task<string?> ReadyAsync(TrafficCluster cluster, string pod) =>
        ((await cluster.GetOrNullAsync($"/api/v1/namespaces/orders/pods/{pod}", default))!.At("status", "conditions") as JsonArray ?? [])
            .OfType<JsonObject>().Single(c => c.GetString("type") == "Ready").GetString("status");

    [Fact]
    public async Task A_95_5_httproute_gives_the_canarys_pods_about_five_percent_of_orders_requests()
    {
        await using var cluster = await TrafficCluster.StartAsync();
        await Canary.AddOrdersV2Async(cluster, replicas: 1);
        await cluster.CreateAsync("/apis/gateway.networking.k8s.io/v1/namespaces/orders/httproutes", Split);
        cluster.Tick(400);

        var stable = (await ScrapeVersionAsync(cluster, "v1")).Sum("request_total", Inbound);
        var canary = (await ScrapeVersionAsync(cluster, "v2")).Sum("request_total", Inbound);
        Assert.Equal(8000, stable + canary);
        Assert.InRange(canary / (stable + canary), 0.035, 0.065);
    }

    [Fact]
    public async Task Canary_slow_doubles_the_canarys_latency_and_leaves_the_stable_pods_alone()
    {
        await using var cluster = await TrafficCluster.StartAsync();
        var client = new TrafficFaultClient(cluster);
        var missing = await Assert.ThrowsAsync<FaultInputException>(() => client.RunScenarioAsync("canary-slow", default));
        Assert.Contains("there is no canary", missing.Message);

        await Canary.AddOrdersV2Async(cluster);
        var lines = await client.RunScenarioAsync("canary-slow", default);
        Assert.StartsWith("trafficfault orders/canary-slow applied", Assert.Single(lines), StringComparison.Ordinal);
        Assert.Equal(2, (double)Assert.Single(await client.ListAsync("orders", default))["spec"]!["latencyFactor"]!);
        cluster.Tick(200);

        // Without a split the apex shares its 20 requests/s by pod count: about 2000 requests per version.
        static double Mean(List<Sample> samples) =>
            samples.Sum("response_latency_ms_sum", Inbound) / samples.Sum("response_latency_ms_count", Inbound);
        var stable = await ScrapeVersionAsync(cluster, "v1");
        var canary = await ScrapeVersionAsync(cluster, "v2");
        Assert.InRange(canary.Sum("response_latency_ms_count", Inbound), 1500, 2500);
        Assert.InRange(Mean(canary) / Mean(stable), 1.8, 2.2);
        // The stable pods keep the profile's latency: a log-normal with p50 15 ms and p99 90 ms has a mean near 20 ms.
        Assert.InRange(Mean(stable), 17, 24);
    }

    [Fact]
    public async Task Canary_crashloop_makes_the_canary_pods_crash_loop_callers_fail_and_clearing_it_recovers_them()
    {
        await using var cluster = await TrafficCluster.StartAsync();
        await Canary.AddOrdersV2Async(cluster, replicas: 1);
        await cluster.CreateAsync("/apis/gateway.networking.k8s.io/v1/namespaces/orders/httproutes", Split);
        var pod = Assert.Single(await Canary.PodsAsync(cluster, "v2"));
        var client = new TrafficFaultClient(cluster);

        await client.RunScenarioAsync("canary-crashloop", default);
        cluster.Tick(1);

        var container = await OrdersContainerAsync(cluster, pod);
        Assert.Equal(CrashLoops.Reason, container.GetString("state", "waiting", "reason"));
        Assert.Equal(1, container.GetLong("restartCount"));
        Assert.False(container.GetBool("ready") ?? true);
        Assert.Equal(1, container.GetLong("lastState", "terminated", "exitCode"));
        Assert.Equal("False", await ReadyAsync(cluster, pod));
        await cluster.WaitForEndpointsAsync("orders", "orders-v2", 0);
        await cluster.WaitForEndpointsAsync("orders", "orders", 2);
        using (var scrape = await cluster.ProxyAsync("orders", pod, "4191", "metrics"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, scrape.StatusCode);
        }

        // The kubelet's back-off on the ticks' time: crashes at 1 s, 11 s, 31 s and 71 s (10 s, doubling).
        var frontend = await cluster.ScrapeAppAsync("web", "frontend");
        cluster.Tick(100);
        container = await OrdersContainerAsync(cluster, pod);
        Assert.Equal(4, container.GetLong("restartCount"));
        Assert.Contains("back-off 80s restarting failed container=orders", container.GetString("state", "waiting", "message"));

        // The callers' 5 % to the canary fail fast with 503: the canary Service has no ready endpoint.
        var after = await cluster.ScrapeAppAsync("web", "frontend");
        double ToCanary(IEnumerable<Sample> samples, Func<Sample, bool> where) =>
            samples.Sum("response_total", s => s.Label("direction") == "outbound" && s.Label("dst_service") == "orders-v2" && where(s));
        var failed = ToCanary(after, s => s.Label("status_code") == "503") - ToCanary(frontend, s => s.Label("status_code") == "503");
        Assert.InRange(failed, 50, 160);
        Assert.Equal(ToCanary(frontend, s => s.Label("status_code") != "503"), ToCanary(after, s => s.Label("status_code") != "503"));

        await client.ClearAsync("orders", "canary-crashloop", all: false, default);
        cluster.Tick(1);
        container = await OrdersContainerAsync(cluster, pod);
        Assert.NotNull(container.At("state", "running", "startedAt"));
        Assert.Equal(4, container.GetLong("restartCount"));
        Assert.Equal("True", await ReadyAsync(cluster, pod));
        await cluster.WaitForEndpointsAsync("orders", "orders-v2", 1);
        cluster.Tick(100);
        var recovered = await cluster.ScrapeAsync("orders", pod);
        Assert.InRange(recovered.Sum("request_total", Inbound), 50, 160);
    }

    [Fact]
    public async Task Orders_low_traffic_sends_the_orders_service_two_requests_every_ten_seconds()
    {
        await using var cluster = await TrafficCluster.StartAsync();
        await Canary.AddOrdersV2Async(cluster, replicas: 1);
        var client = new TrafficFaultClient(cluster);
        await client.RunScenarioAsync("orders-low-traffic", default);
        cluster.Tick(300);

        var stable = await ScrapeVersionAsync(cluster, "v1");
        var canary = await ScrapeVersionAsync(cluster, "v2");
        // 0.2 requests/s × 300 s, the fractions carried from tick to tick.
        Assert.InRange(stable.Sum("request_total", Inbound) + canary.Sum("request_total", Inbound), 59, 61);
        // orders' own calls are other edges and keep their rates: 20 requests/s to inventory.
        Assert.InRange(stable.Sum("request_total", s => s.Label("direction") == "outbound" && s.Label("dst_service") == "inventory"), 5990, 6010);
    }
}
