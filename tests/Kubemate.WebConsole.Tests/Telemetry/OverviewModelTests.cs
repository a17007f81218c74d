using Kubemate.WebConsole.Telemetry;
using Kubemate.WebConsole.Telemetry.Overview;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Topology;
using static Kubemate.WebConsole.Tests.Telemetry.Graphs;

namespace Kubemate.WebConsole.Tests.Telemetry;

public sealed class OverviewModelTests
{
    private static WorkloadStat Stat(string ns, string name, int meshed, double successes, double failures) =>
        new(new WorkloadRef(ns, "deployment", name), meshed, 2, GoldenMetrics.From(successes, failures, TimeSpan.FromMinutes(1)), null);

    [Fact]
    public void Coverage_counts_workloads_with_a_proxy_and_ranks_the_busiest()
    {
        var coverage = MeshCoverage.From(
        [
            Stat("a", "quiet", 2, 0, 0), Stat("a", "busy", 2, 600, 0), Stat("b", "legacy", 0, 60, 0),
            Stat("b", "x1", 1, 6, 0), Stat("b", "x2", 1, 12, 0), Stat("b", "x3", 1, 18, 0), Stat("b", "x4", 1, 24, 0),
        ]);

        Assert.Equal(6, coverage.MeshedWorkloads);
        Assert.Equal(7, coverage.TotalWorkloads);
        Assert.Equal(["busy", "legacy", "x4", "x3", "x2"], coverage.Busiest.Select(b => b.Workload.Name));
    }

    [Fact]
    public void Workloads_at_the_failing_threshold_are_active_alerts()
    {
        var alerts = ActiveAlert.Failing([Stat("a", "ok", 2, 100, 1), Stat("a", "bad", 2, 90, 10), Stat("a", "idle", 2, 0, 0)], new HealthThresholds());

        var alert = Assert.Single(alerts);
        Assert.Equal("bad", alert.Workload!.Name);
    }

    [Fact]
    public void Telemetry_of_namespaces_the_user_may_not_read_is_dropped_with_its_edges()
    {
        var outside = Unmeshed();
        var graph = Graph([.. Demo().Nodes, outside], [.. Demo().Edges, Edge(outside, Inventory, mtls: false)]);

        var restricted = TelemetryScope.Restrict(graph, new HashSet<string> { "orders" });

        Assert.Equal([Inventory.Id, Orders.Id, outside.Id], restricted.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.All(restricted.Edges, e => Assert.Contains(e.Target, new[] { Orders.Id, Inventory.Id }));
        Assert.DoesNotContain(restricted.Edges, e => e.Source == Frontend.Id);
    }

    [Fact]
    public void An_identity_expiring_within_thirty_days_is_flagged()
    {
        var now = DateTimeOffset.Parse("2026-11-25T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(new IdentityExpiry(IdentityExpirySource.IssuerSecret, now.AddDays(29)).ExpiresSoon(now));
        Assert.False(new IdentityExpiry(IdentityExpirySource.IssuerSecret, now.AddDays(31)).ExpiresSoon(now));
        Assert.False(new IdentityExpiry(IdentityExpirySource.NotVisible, null).ExpiresSoon(now));
    }

    [Fact]
    public async Task The_refresh_runs_on_its_timer_and_stops_when_disposed()
    {
        var ticks = 0;
        var refresh = new TelemetryRefresh(_ => { Interlocked.Increment(ref ticks); return Task.CompletedTask; }, TimeSpan.FromMilliseconds(20));

        await Eventually.True(() => Task.FromResult(Volatile.Read(ref ticks) >= 2), "two refreshes");
        await refresh.DisposeAsync();
        var stopped = Volatile.Read(ref ticks);
        await Task.Yield();

        Assert.Equal(stopped, Volatile.Read(ref ticks));
    }

    [Fact]
    public async Task A_refresh_that_throws_is_reported_and_the_next_tick_still_runs()
    {
        var ticks = 0;
        var failures = new List<Exception>();
        await using var refresh = new TelemetryRefresh(_ =>
        {
            // The first refresh times out the way HttpClient does: a cancellation nobody asked for.
            return Interlocked.Increment(ref ticks) == 1 ? Task.FromException(new TaskCanceledException("the read timed out")) : Task.CompletedTask;
        }, TimeSpan.FromMilliseconds(20), failed: error => { lock (failures) { failures.Add(error); } });

        await Eventually.True(() => Task.FromResult(Volatile.Read(ref ticks) >= 3), "refreshes after the failed one");
        lock (failures)
        {
            Assert.IsType<TaskCanceledException>(Assert.Single(failures));
        }
    }
}
