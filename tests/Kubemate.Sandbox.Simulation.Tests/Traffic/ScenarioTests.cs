using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Simulation.Traffic;

namespace Kubemate.Sandbox.Simulation.Tests.Traffic;

/// <summary>What <c>kubemate sandbox fault</c> does (its <see cref="TrafficFaultClient"/>) against a sandbox over HTTP.</summary>
public sealed class ScenarioTests
{
    [Fact]
    public async Task Inventory_slow_db_makes_inventory_slow_and_orders_time_out()
    {
        await using var cluster = await TrafficCluster.StartAsync();
        var client = new TrafficFaultClient(cluster);

        var lines = await client.RunScenarioAsync("inventory-slow-db", default);
        Assert.Contains(lines, l => l.StartsWith("trafficfault data/inventory-slow-db applied", StringComparison.Ordinal));
        Assert.Contains("service orders/inventory annotated timeout.linkerd.io/request: 1s", lines);
        cluster.Tick(60);

        var inventory = await cluster.ScrapeAppAsync("orders", "inventory");
        double Inbound(string le) => inventory.Sum("response_latency_ms_bucket", s => s.Label("direction") == "inbound" && s.Label("le") == le);
        var total = Inbound("+Inf");
        Assert.Equal(1200, total);
        // p99 about 2 s: under 99% of the calls are done within 1 s, and almost all within 3 s.
        Assert.True(Inbound("1000") / total < 0.99, $"{Inbound("1000")} of {total} within 1 s");
        Assert.True(Inbound("3000") / total > 0.985, $"{Inbound("3000")} of {total} within 3 s");
        Assert.True(Inbound("100") / total < 0.75, "the median moved up with the database");

        var orders = await cluster.ScrapeAppAsync("orders", "orders");
        var timeouts = orders.Sum("response_total", s => s.Label("dst_service") == "inventory" && s.Label("status_code") == "504");
        Assert.InRange(timeouts, 12, 120);
        Assert.Equal(0, orders.Sum("response_latency_ms_bucket", s => s.Label("dst_service") == "inventory" && s.Label("le") == "+Inf")
                        - orders.Sum("response_latency_ms_bucket", s => s.Label("dst_service") == "inventory" && s.Label("le") == "1000"));

        Assert.Equal(["data/inventory-slow-db"], await client.ClearAsync("data", null, all: true, default));
        Assert.Empty(await client.ListAsync(null, default));
    }

    [Fact]
    public async Task Canary_5xx_needs_a_canary_and_then_fails_five_percent_of_its_requests()
    {
        await using var cluster = await TrafficCluster.StartAsync();
        var client = new TrafficFaultClient(cluster);

        var missing = await Assert.ThrowsAsync<FaultInputException>(() => client.RunScenarioAsync("canary-5xx", default));
        Assert.Contains("orders/orders-v2", missing.Message);
        Assert.Empty(await client.ListAsync(null, default));

        await Canary.AddOrdersV2Async(cluster);
        await client.RunScenarioAsync("canary-5xx", default);
        var fault = Assert.Single(await client.ListAsync("orders", default));
        Assert.Equal("canary-5xx", fault.Name());
        cluster.Tick(200);

        var pods = await cluster.PodsAsync("orders", "app=orders");
        var v1 = new List<Sample>();
        var v2 = new List<Sample>();
        foreach (var pod in pods)
        {
            var labels = (await cluster.GetOrNullAsync($"/api/v1/namespaces/orders/pods/{pod}", default))!.Labels();
            (labels["version"] == "v2" ? v2 : v1).AddRange(await cluster.ScrapeAsync("orders", pod));
        }
        bool Inbound(Sample s) => s.Label("direction") == "inbound";
        bool Failed(Sample s) => Inbound(s) && s.Label("status_code") == "500";
        var v2Rate = v2.Sum("response_total", Failed) / v2.Sum("response_total", Inbound);
        Assert.InRange(v2Rate, 0.03, 0.07);
        Assert.True(v1.Sum("response_total", Failed) / v1.Sum("response_total", Inbound) < 0.01);
    }

    [Fact]
    public async Task Set_checks_its_input_and_the_workload_before_it_applies_and_clear_removes_by_name()
    {
        await using var cluster = await TrafficCluster.StartAsync();
        var client = new TrafficFaultClient(cluster);

        var noWorkload = await Assert.ThrowsAsync<FaultInputException>(() => client.SetAsync(new TrafficFault("orders", "x", "checkout", ErrorRate: 0.1), default));
        Assert.StartsWith("spec.workload: Not found", noWorkload.Message);
        var badRate = await Assert.ThrowsAsync<FaultInputException>(() => client.SetAsync(new TrafficFault("orders", "x", "inventory", ErrorRate: 2), default));
        Assert.StartsWith("spec.errorRate", badRate.Message);
        var inverted = await Assert.ThrowsAsync<FaultInputException>(() => client.SetAsync(new TrafficFault("orders", "x", "inventory", Latency: new LatencyDistribution(500, 100)), default));
        Assert.StartsWith("spec.latency.p99Ms", inverted.Message);
        var unknown = await Assert.ThrowsAsync<FaultInputException>(() => client.RunScenarioAsync("everything-on-fire", default));
        Assert.Contains("inventory-slow-db, canary-5xx", unknown.Message);

        var applied = await client.SetAsync(new TrafficFault("data", "pg", "postgres", Crash: true), default);
        Assert.True(applied["spec"]!["crash"]!.GetValue<bool>());
        await client.SetAsync(new TrafficFault("data", "pg", "postgres", TrafficMultiplier: 2), default);
        var changed = Assert.Single(await client.ListAsync("data", default));
        Assert.Null(changed["spec"]!["crash"]);
        Assert.Equal(2, changed["spec"]!["trafficMultiplier"]!.GetValue<double>());

        var notThere = await Assert.ThrowsAsync<FaultInputException>(() => client.ClearAsync("data", "nope", all: false, default));
        Assert.StartsWith("--name: Not found", notThere.Message);
        Assert.Equal(["data/pg"], await client.ClearAsync("data", "pg", all: false, default));
        Assert.Empty(await client.ListAsync(null, default));
    }
}
