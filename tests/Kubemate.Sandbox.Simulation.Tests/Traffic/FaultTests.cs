using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Sandbox.Simulation.Traffic;
using Kubemate.Testing;

namespace Kubemate.Sandbox.Simulation.Tests.Traffic;

/// <summary>TrafficFault objects change the traffic within one tick and stop when deleted.</summary>
public sealed class FaultTests
{
    private const string Faults = "/apis/sandbox.kubemate.io/v1alpha1/namespaces/orders/trafficfaults";

    private static Task CreateFaultAsync(TrafficCluster cluster, string name, string spec) =>
        cluster.CreateAsync(Faults, $$"""{"apiVersion":"sandbox.kubemate.io/v1alpha1","kind":"TrafficFault","metadata":{"name":"{{name}}","namespace":"orders"},"spec":{{spec}}}""");

    private static bool InboundFailure(Sample s) => s.Label("direction") == "inbound" && s.Label("classification") == "failure";

    [Fact]
    public async Task An_error_fault_applies_within_one_tick_and_stops_when_deleted()
    {
        await using var cluster = await TrafficCluster.StartAsync();
        await CreateFaultAsync(cluster, "broken", """{"workload":"inventory","errorRate":1}""");
        cluster.Tick(1);
        var during = await cluster.ScrapeAppAsync("orders", "inventory");
        var failures = during.Where(s => s.Name == "response_total" && InboundFailure(s)).ToList();
        Assert.Equal(20, failures.Sum(s => s.Value));
        Assert.All(failures, s => Assert.Equal(("200", "14"), (s.Label("status_code"), s.Label("grpc_status"))));

        await cluster.SendAsync(HttpMethod.Delete, Faults + "/broken", null, null, default);
        cluster.Tick(5);
        var after = await cluster.ScrapeAppAsync("orders", "inventory");
        Assert.InRange(after.Sum("response_total", InboundFailure) - during.Sum("response_total", InboundFailure), 0, 1);
        Assert.Equal(120, after.Sum("response_total", s => s.Label("direction") == "inbound"));
    }

    [Fact]
    public async Task A_latency_fault_moves_the_workloads_latency_histogram()
    {
        await using var cluster = await TrafficCluster.StartAsync();
        await CreateFaultAsync(cluster, "slow", """{"workload":"inventory","latency":{"p50Ms":400,"p99Ms":900}}""");
        cluster.Tick(30);
        var inventory = await cluster.ScrapeAppAsync("orders", "inventory");
        double Bucket(string le) => inventory.Sum("response_latency_ms_bucket", s => s.Label("direction") == "inbound" && s.Label("le") == le);
        Assert.Equal(600, Bucket("+Inf"));
        Assert.True(Bucket("200") / 600 < 0.05, $"{Bucket("200")} of 600 at or below 200 ms");
        Assert.True(Bucket("1000") / 600 > 0.98, $"{Bucket("1000")} of 600 at or below 1 s");
    }

    [Fact]
    public async Task A_traffic_multiplier_scales_the_calls_to_the_workload()
    {
        await using var cluster = await TrafficCluster.StartAsync();
        await CreateFaultAsync(cluster, "surge", """{"workload":"inventory","trafficMultiplier":3}""");
        cluster.Tick(10);
        var inventory = await cluster.ScrapeAppAsync("orders", "inventory");
        Assert.Equal(600, inventory.Sum("request_total", s => s.Label("direction") == "inbound"));
    }

    [Fact]
    public async Task A_crash_restarts_the_pods_and_their_counters_start_again_from_zero()
    {
        await using var cluster = await TrafficCluster.StartAsync();
        cluster.Tick(10);
        var pods = await cluster.PodsAsync("orders", "app=inventory");
        var before = await cluster.ScrapeAsync("orders", pods[0]);
        var total = before.Sum("request_total", s => s.Label("direction") == "inbound");
        Assert.True(total > 50);

        await CreateFaultAsync(cluster, "crash", """{"workload":"inventory","crash":true}""");
        cluster.Tick(1);

        var pod = (await cluster.GetOrNullAsync($"/api/v1/namespaces/orders/pods/{pods[0]}", default))!;
        Assert.All((pod["status"]!["containerStatuses"] as JsonArray)!, s => Assert.Equal(1, (int)s!["restartCount"]!));
        var after = await cluster.ScrapeAsync("orders", pods[0]);
        var restarted = after.Sum("request_total", s => s.Label("direction") == "inbound");
        Assert.InRange(restarted, 1, 20);
        // Prometheus' increase() across a reset: a drop counts as a restart from zero, so the result is the new value.
        var increase = restarted >= total ? restarted - total : restarted;
        Assert.True(increase >= 0);
        Assert.True(after.Single(s => s.Name == "process_start_time_seconds").Value >= before.Single(s => s.Name == "process_start_time_seconds").Value);

        // The crash fires once per fault: further ticks do not restart the pods again.
        cluster.Tick(2);
        pod = (await cluster.GetOrNullAsync($"/api/v1/namespaces/orders/pods/{pods[0]}", default))!;
        Assert.All((pod["status"]!["containerStatuses"] as JsonArray)!, s => Assert.Equal(1, (int)s!["restartCount"]!));
    }
}
