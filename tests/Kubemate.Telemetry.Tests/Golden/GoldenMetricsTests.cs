using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Tests.Support;
using Kubemate.Telemetry.Topology;
using Microsoft.Extensions.Time.Testing;

namespace Kubemate.Telemetry.Tests.Golden;

public class GoldenMetricsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static (TelemetryService Service, FakeTimeProvider Clock, EmbeddedStore Store) Seeded(int scrapes = 40)
    {
        var clock = new FakeTimeProvider(Start);
        var store = new EmbeddedStore(new EmbeddedStoreOptions(), clock);
        var traffic = new ProxyTraffic(Start, Estates.Bank);
        Estates.Scrape(store, traffic, Start, scrapes);
        clock.SetUtcNow(Start + TimeSpan.FromSeconds(10 * (scrapes - 1)));
        return (new TelemetryService(store, options: TestMeshes.Options, clock: clock), clock, store);
    }

    [Fact]
    public void Success_rate_is_successes_over_all_responses_and_rps_is_responses_per_window_second()
    {
        var metrics = GoldenMetrics.From(successes: 540, failures: 60, window: TimeSpan.FromMinutes(1));

        Assert.Equal(0.9, metrics.SuccessRate);
        Assert.Equal(10, metrics.Rps);
        Assert.Null(GoldenMetrics.From(0, 0, TimeSpan.FromMinutes(1)).SuccessRate);
    }

    [Fact]
    public async Task Workload_stats_recover_the_ground_truth_rate_success_and_quantiles()
    {
        var (service, _, _) = Seeded();

        var result = await service.WorkloadsAsync(null, TelemetryWindow.OneMinute, default);

        Assert.Equal(TelemetryStatus.Ok, result.Status);
        var orders = Assert.Single(result.Value!, s => s.Workload == new WorkloadRef("shop", "deployment", "orders"));
        Assert.Equal(20, orders.Metrics.Rps, 0.2);
        Assert.Equal(0.85, orders.Metrics.SuccessRate!.Value, 0.005);
        Assert.Equal(ProxyTraffic.P50, orders.Metrics.LatencyP50Ms!.Value, 0.1);
        Assert.Equal(ProxyTraffic.P99, orders.Metrics.LatencyP99Ms!.Value, 1);
        Assert.Equal(1, orders.MeshedPods);
        Assert.Equal(1, orders.TcpConnections);
        var web = Assert.Single(result.Value!, s => s.Workload.Name == "web");
        Assert.Equal(12, web.Metrics.Rps, 0.2);
    }

    [Fact]
    public async Task Namespaces_filter_the_workloads()
    {
        var (service, _, _) = Seeded();

        var result = await service.WorkloadsAsync(["payments"], TelemetryWindow.OneMinute, default);

        Assert.Equal(["payment"], result.Value!.Select(s => s.Workload.Name));
    }

    [Fact]
    public async Task Edges_come_from_outbound_metrics_with_mtls_and_unmeshed_callers_from_inbound_without_identity()
    {
        var (service, _, _) = Seeded();

        var edges = (await service.EdgesAsync(null, TelemetryWindow.OneMinute, default)).Value!;

        var webOrders = Assert.Single(edges, e => e.Source.Name == "web" && e.Destination.Name == "orders");
        Assert.True(webOrders.Secured);
        Assert.Equal(20, webOrders.Metrics.Rps, 0.2);
        Assert.Equal(0.85, webOrders.Metrics.SuccessRate!.Value, 0.005);
        Assert.Equal(ProxyTraffic.P99, webOrders.Metrics.LatencyP99Ms!.Value, 1);
        var unmeshed = Assert.Single(edges, e => e.Source == WorkloadRef.Unmeshed);
        Assert.Equal("web", unmeshed.Destination.Name);
        Assert.False(unmeshed.Secured);
        Assert.Equal(4, edges.Count);
    }

    [Fact]
    public async Task Edges_of_chosen_namespaces_include_calls_into_them_from_elsewhere()
    {
        var (service, _, _) = Seeded();

        var edges = (await service.EdgesAsync(["payments"], TelemetryWindow.OneMinute, default)).Value!;

        var edge = Assert.Single(edges);
        Assert.Equal(("orders", "payment"), (edge.Source.Name, edge.Destination.Name));
    }

    [Fact]
    public async Task Topology_classifies_health_marks_unmeshed_callers_and_uses_a_constant_number_of_queries()
    {
        var (service, _, _) = Seeded();

        var all = (await service.TopologyAsync(null, TelemetryWindow.OneMinute, default)).Value!;
        var some = (await service.TopologyAsync(["shop", "accounts", "payments"], TelemetryWindow.OneMinute, default)).Value!;

        Assert.Equal(HealthClass.Failing, all.Nodes.Single(n => n.Name == "orders").Health);
        Assert.Equal(HealthClass.Degraded, all.Nodes.Single(n => n.Name == "payment").Health);
        Assert.Equal(HealthClass.Healthy, all.Nodes.Single(n => n.Name == "users").Health);
        var unmeshed = Assert.Single(all.Nodes, n => n.Kind == "unmeshed");
        Assert.False(unmeshed.Meshed);
        Assert.Contains(all.Edges, e => e.Source == "unmeshed" && e.Target == "shop/deployment/web" && !e.Mtls);
        Assert.Contains(all.Edges, e => e.Source == "shop/deployment/web" && e.Target == "shop/deployment/orders" && e.Mtls && e.Health == HealthClass.Failing);
        Assert.True(all.Queries <= 8, $"{all.Queries} queries (6 mesh + 2 gateway)");
        Assert.Equal(all.Queries + 2, some.Queries);
        Assert.Equal(all.Edges.Count, some.Edges.Count);
    }

    [Fact]
    public async Task Health_thresholds_are_configurable()
    {
        var (_, clock, store) = Seeded();
        var lenient = new TelemetryService(store, options: new TelemetryOptions { Health = new HealthThresholds(DegradedAbove: 0.05, FailingAtOrAbove: 0.5), Mesh = TestMeshes.Linkerd }, clock: clock);

        var graph = (await lenient.TopologyAsync(null, TelemetryWindow.OneMinute, default)).Value!;

        Assert.Equal(HealthClass.Degraded, graph.Nodes.Single(n => n.Name == "orders").Health);
        Assert.Equal(HealthClass.Healthy, graph.Nodes.Single(n => n.Name == "payment").Health);
    }

    [Fact]
    public async Task Workload_detail_lists_callers_callees_pods_and_a_time_series()
    {
        var (service, _, _) = Seeded(scrapes: 120);

        var detail = (await service.WorkloadAsync(new WorkloadRef("shop", "deployment", "web"), TelemetryWindow.OneMinute, series: true, default)).Value!;

        Assert.Equal(12, detail.Now.Metrics.Rps, 0.2);
        Assert.Equal([WorkloadRef.Unmeshed], detail.Inbound.Select(e => e.Source));
        Assert.Equal(["users", "orders"], detail.Outbound.Select(e => e.Destination.Name));
        Assert.Equal("web-0", Assert.Single(detail.Pods).Pod);
        Assert.NotNull(detail.Series);
        Assert.True(detail.Series!.Count >= 20, $"{detail.Series.Count} points");
        Assert.All(detail.Series.Skip(6), p => Assert.Equal(12, p.Rps, 0.3));
    }

    [Fact]
    public async Task Split_shows_stable_and_canary_side_by_side()
    {
        var clock = new FakeTimeProvider(Start);
        var store = new EmbeddedStore(new EmbeddedStoreOptions(), clock);
        var traffic = new ProxyTraffic(Start, [new("shop", "web", "shop", "orders-stable", 18, 0), new("shop", "web", "shop", "orders-canary", 2, 0.5)]);
        Estates.Scrape(store, traffic, Start, 20);
        clock.SetUtcNow(Start + TimeSpan.FromSeconds(190));

        var split = (await new TelemetryService(store, options: TestMeshes.Options, clock: clock).SplitAsync("shop", "orders", null, TelemetryWindow.OneMinute, default)).Value!;

        Assert.Equal(["stable", "canary"], split.Backends.Select(b => b.Role));
        Assert.Equal(18, split.Backends[0].Metrics.Rps, 0.2);
        Assert.Equal(0.5, split.Backends[1].Metrics.SuccessRate!.Value, 0.02);
    }

    [Fact]
    public async Task An_empty_embedded_store_is_unavailable_with_a_reason_not_an_exception()
    {
        var service = new TelemetryService(new EmbeddedStore(), options: TestMeshes.Options);

        var result = await service.TopologyAsync(null, TelemetryWindow.OneMinute, default);

        Assert.Equal(TelemetryStatus.Unavailable, result.Status);
        Assert.Equal(UnavailableReason.NoData, result.Unavailable!.Reason);
    }

    [Theory]
    [InlineData("1m", true)]
    [InlineData("5m", true)]
    [InlineData("15m", true)]
    [InlineData("1h", true)]
    [InlineData("2m", false)]
    [InlineData("", false)]
    public void Only_the_four_windows_parse(string text, bool ok)
    {
        Assert.Equal(ok, TelemetryWindow.TryParse(text, out _));
    }
}
