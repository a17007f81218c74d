using Bunit;
using Kubemate.WebConsole.Pages;
using Kubemate.WebConsole.Tests.Access;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Prometheus;

namespace Kubemate.WebConsole.Tests.Telemetry;

/// <summary>
/// The pages against the demo sandbox (as the signed-in user) with a real Prometheus client pointed at a loopback port
/// nothing listens on: cluster facts are shown, and telemetry says in place why it is missing.
/// </summary>
[Collection(DemoSandboxCollection.Name)]
public sealed class TelemetryPagesTests(DemoSandboxFixture sandbox) : ConsoleTestContext("en")
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private void SignIn(string user)
    {
        AddTelemetryPageServices(sandbox.SessionOf(user), sandbox.Clusters, new TelemetryService(new PrometheusBackend(new HttpClient(), new PrometheusOptions(new Uri($"http://127.0.0.1:{ClosedPort()}"))), options: TestMeshes.Options));
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public void The_overview_shows_the_control_planes_and_the_issuer_expiry_to_a_platform_admin()
    {
        SignIn("alice");

        var page = Render<Overview>();

        page.WaitForElement("[data-testid='identity-expiry']", Patience);
        var linkerd = page.Find("[data-testid='control-plane-row'][data-namespace='linkerd']").TextContent;
        Assert.Matches(@"\d+/\d+ pods ready", linkerd);
        Assert.Contains("linkerd-identity-issuer", page.Find("[data-testid='overview-identity']").TextContent);
        Assert.NotNull(page.Find("[data-testid='overview-mesh'] [data-testid='telemetry-unavailable']"));
        Assert.Contains("alerting rules", page.Find("[data-testid='defined-rules']").TextContent);
    }

    [Fact]
    public void The_overview_says_what_a_team_member_may_not_see()
    {
        SignIn("olivia");

        var page = Render<Overview>();

        page.WaitForElement("[data-testid='identity-not-visible']", Patience);
        Assert.Contains("not visible to you", page.Find("[data-testid='control-plane-row'][data-namespace='linkerd']").TextContent);
    }

    [Fact]
    public void The_topology_explains_an_unreachable_prometheus_instead_of_an_empty_graph()
    {
        SignIn("alice");

        var page = Render<Topology>();

        var notice = page.WaitForElement("[data-testid='telemetry-unavailable']", Patience);
        Assert.Equal("Unreachable", notice.GetAttribute("data-reason"));
        Assert.Empty(page.FindAll("[data-testid='topology-svg']"));
    }

    [Fact]
    public void A_dashboard_of_a_namespace_the_user_may_not_read_is_refused()
    {
        SignIn("olivia");

        var page = Render<WorkloadDashboard>(p => p.Add(d => d.Namespace, "payments").Add(d => d.Kind, "deployment").Add(d => d.Name, "payment"));

        var denied = page.WaitForElement("[data-testid='dashboard-denied']", Patience);
        Assert.Contains("payments", denied.TextContent);
    }

    [Fact]
    public void A_dashboard_of_the_users_namespace_shows_why_metrics_are_missing()
    {
        SignIn("olivia");

        var page = Render<WorkloadDashboard>(p => p.Add(d => d.Namespace, "orders").Add(d => d.Kind, "deployment").Add(d => d.Name, "orders"));

        page.WaitForElement("[data-testid='telemetry-unavailable']", Patience);
        Assert.Equal("orders/orders", page.Find("[data-testid='dashboard-title']").TextContent);
    }
}
