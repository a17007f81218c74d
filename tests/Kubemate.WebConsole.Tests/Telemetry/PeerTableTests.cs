using Bunit;
using Kubemate.WebConsole.Telemetry;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Topology;

namespace Kubemate.WebConsole.Tests.Telemetry;

public sealed class PeerTableTests() : ConsoleTestContext("en")
{
    private static readonly WorkloadRef Checkout = new("orders", "deployment", "checkout");
    private static readonly WorkloadRef Inventory = new("orders", "deployment", "inventory");
    private static readonly WorkloadRef Payments = new("payments", "deployment", "payments");
    private static readonly WorkloadRef Audit = new("audit", "deployment", "audit");
    private static readonly WorkloadRef Idle = new("audit", "deployment", "idle");

    private static EdgeStat Call(WorkloadRef to, double successes, double failures, double mtls = 1) =>
        new(Checkout, to, GoldenMetrics.From(successes, failures, TimeSpan.FromMinutes(1), p99: 20), mtls);

    private static IReadOnlyList<PeerRow> Outbound() => PeerRow.From(
        [Call(Inventory, 100, 0), Call(Payments, 50, 50), Call(Audit, 99, 1), Call(Idle, 0, 0)], inbound: false, new HealthThresholds());

    [Fact]
    public void The_failing_downstream_comes_first_then_degraded_then_healthy_then_idle()
    {
        Assert.Equal([Payments, Audit, Inventory, Idle], Outbound().Select(r => r.Peer));
        Assert.Equal([HealthClass.Failing, HealthClass.Degraded, HealthClass.Healthy, HealthClass.NoTraffic], Outbound().Select(r => r.Health));
    }

    [Fact]
    public void Among_failing_peers_the_lowest_success_rate_comes_first()
    {
        var rows = PeerRow.From([Call(Inventory, 80, 20), Call(Payments, 10, 90)], inbound: false, new HealthThresholds());

        Assert.Equal([Payments, Inventory], rows.Select(r => r.Peer));
    }

    [Fact]
    public void Inbound_rows_name_the_caller()
    {
        var rows = PeerRow.From([new EdgeStat(Payments, Checkout, GoldenMetrics.From(1, 0, TimeSpan.FromMinutes(1)), 1)], inbound: true, new HealthThresholds());

        Assert.Equal(Payments, Assert.Single(rows).Peer);
    }

    [Fact]
    public void Failing_and_degraded_rows_are_highlighted_and_link_to_their_dashboards()
    {
        var table = Render<PeerTable>(p => p.Add(t => t.Rows, Outbound()).Add(t => t.Title, "Whom I call"));

        var rows = table.FindAll("tr").Where(r => r.QuerySelector("[data-testid='peer-row']") is not null).ToList();
        Assert.Contains("mud-error-text", rows[0].ClassName);
        Assert.Contains("mud-warning-text", rows[1].ClassName);
        Assert.DoesNotContain("km-peer-attention", rows[2].ClassName ?? "");
        Assert.Equal("/workloads/payments/deployment/payments", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("50.0%", rows[0].TextContent);
    }

    [Fact]
    public void Hidden_peers_are_named_as_such_not_linked_and_keep_their_metrics()
    {
        // As the application layer hands them over for a user who may read only orders.
        var rows = Outbound().Select(r => r.Peer.Namespace == "orders" ? r : r with { Peer = WorkloadRef.Hidden }).ToList();

        Assert.Equal([WorkloadRef.Hidden, WorkloadRef.Hidden, Inventory, WorkloadRef.Hidden], rows.Select(r => r.Peer));
        Assert.Equal(0.5, rows[0].SuccessRate);

        var table = Render<PeerTable>(p => p.Add(t => t.Rows, rows).Add(t => t.Title, "Whom I call"));
        var hidden = table.FindAll("[data-testid='peer-row']")[0];
        Assert.Equal("a workload you may not see", hidden.TextContent.Trim());
        Assert.Null(hidden.QuerySelector("a"));
        Assert.DoesNotContain("payments", table.Markup);
    }

    [Fact]
    public void Unmeshed_callers_are_named_not_linked()
    {
        var rows = PeerRow.From([new EdgeStat(WorkloadRef.Unmeshed, Checkout, GoldenMetrics.From(5, 0, TimeSpan.FromMinutes(1)), 0)], inbound: true, new HealthThresholds());

        var table = Render<PeerTable>(p => p.Add(t => t.Rows, rows).Add(t => t.Title, "Who calls me"));

        var cell = table.Find("[data-testid='peer-row']");
        Assert.Equal("unmeshed callers", cell.TextContent.Trim());
        Assert.Null(cell.QuerySelector("a"));
    }
}
