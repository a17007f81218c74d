using Kubemate.Application.Telemetry;
using Kubemate.WebConsole.Telemetry;
using Kubemate.Application.Overview;
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
    public void Callers_in_namespaces_the_user_may_not_read_become_one_hidden_node_that_keeps_their_traffic()
    {
        var graph = Graph(Demo().Nodes, [.. Demo().Edges, Edge(Node("payments", "payments"), Orders, rps: 100)]);

        var restricted = TelemetryRedaction.Topology(graph, new TelemetryScope(new HashSet<string> { "orders" }));

        Assert.Equal(["hidden", Inventory.Id, Orders.Id], restricted.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
        var hidden = Assert.Single(restricted.Edges, e => e.Source == "hidden");
        Assert.Equal(Orders.Id, hidden.Target);
        // frontend's 1,234.5 and legacy's 1,234.5 and payments' 100 calls to orders are all still there, nameless.
        Assert.Equal(1234.5 * 2 + 100, hidden.Rps, 6);
        Assert.DoesNotContain(restricted.Nodes, n => n.Namespace is "web" or "payments" or "legacy");
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
