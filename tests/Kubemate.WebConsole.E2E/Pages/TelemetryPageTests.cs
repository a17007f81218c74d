using System.Text.Json.Nodes;
using Kubemate.WebConsole.E2E.Browser;
using Kubemate.WebConsole.E2E.Telemetry;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kubemate.WebConsole.E2E.Pages;

[Collection(ConsoleCollection.Name)]
public sealed class TelemetryPageTests(ConsoleFixture console, ITestOutputHelper output)
{
    private const string OrdersId = DemoTopology.OrdersId;
    private const string InventoryId = DemoTopology.InventoryId;
    private const string OrdersDashboard = "/workloads/orders/deployment/orders";

    private static readonly TimeSpan TrafficVisible = DemoTopology.TrafficVisible;
    private static readonly float TrafficVisibleMs = DemoTopology.TrafficVisibleMs;

    [Fact]
    public async Task Alice_sees_the_demo_call_chain_and_the_orders_node_opens_a_dashboard_that_agrees_with_the_api()
    {
        await using var tab = await DemoTopology.OpenAsAliceAsync(console);
        var page = tab.Page;
        // The gateway entry is the one node drawn as a square.
        Assert.Equal(1, await page.Locator("[data-testid=topology-node]:has(rect)").CountAsync());

        await DemoTopology.ClickThroughAsync(tab, OrdersId, OrdersDashboard);
        await page.Locator("[data-testid=dashboard-title]", new() { HasText = "orders/orders" }).WaitForAsync();

        await Eventually.True(async () =>
        {
            var shownRps = DashboardNumbers.ParseRps(await page.Locator("[data-testid=now-rps]").InnerTextAsync());
            var shownSuccess = DashboardNumbers.ParseSuccessRate(await page.Locator("[data-testid=now-success]").InnerTextAsync());
            var response = await page.APIRequest.GetAsync("/api/v1/telemetry/workloads/orders/deployment/orders?window=1m");
            Assert.True(response.Ok, $"REST API answered {response.Status}: {await response.TextAsync()}");
            var (apiRps, apiSuccess) = DashboardNumbers.NowOf(JsonNode.Parse(await response.TextAsync())!);
            output.WriteLine($"dashboard {shownRps} rps {shownSuccess:P1}; API {apiRps:F2} rps {apiSuccess:P1}");
            return shownRps > 0 && apiRps > 0 && Math.Abs(shownRps - apiRps) <= 0.25 * apiRps && Math.Abs(shownSuccess - apiSuccess) <= 0.05;
        }, "the dashboard's RPS and success rate to match the REST API's", TrafficVisible);

        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task A_slow_inventory_database_turns_the_orders_to_inventory_edge_unhealthy_and_puts_inventory_first_in_orders_callees()
    {
        await using var tab = await DemoTopology.OpenAsAliceAsync(console);
        var page = tab.Page;
        var edge = $"[data-testid=topology-edge][data-edge='{OrdersId}->{InventoryId}']";

        await using (await InventorySlowDbScenario.StartAsync(console.Host.Admin))
        {
            await page.WaitForFunctionAsync(
                $"() => {{ const e = document.querySelector(\"{edge}\"); return e !== null && e.dataset.health !== 'Healthy' && e.dataset.health !== 'NoTraffic'; }}",
                null, new() { Timeout = TrafficVisibleMs });
            output.WriteLine($"orders -> inventory edge: {await page.Locator(edge).GetAttributeAsync("data-health")}");

            await tab.GotoAsync(OrdersDashboard);
            await page.WaitForFunctionAsync(
                "id => { const r = document.querySelector('[data-testid=outbound-table] [data-testid=peer-row]'); return r !== null && r.dataset.peer === id; }",
                InventoryId, new() { Timeout = TrafficVisibleMs });
            Assert.NotEqual("Healthy", await page.Locator("[data-testid=outbound-table] [data-testid=peer-row]").First.GetAttributeAsync("data-health"));
        }

        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task A_chinese_browser_gets_the_overview_topology_and_dashboard_with_no_english_left()
    {
        await using var tab = await console.OpenAsync("zh-CN");
        var page = tab.Page;
        await tab.SignInAsync("alice", "alice-demo", "/overview");

        await page.Locator("[data-testid=busiest-row]").First.WaitForAsync(new() { Timeout = TrafficVisibleMs });
        Assert.Empty(TelemetryEnglishLeftovers.Find(await tab.VisibleTextAsync()));
        await tab.ScreenshotAsync("overview-zh");

        await tab.GotoAsync("/topology");
        await WaitForDemoChainAsync(page);
        Assert.Empty(TelemetryEnglishLeftovers.Find(await tab.VisibleTextAsync()));
        await tab.ScreenshotAsync("topology-zh");

        await tab.GotoAsync(OrdersDashboard);
        await page.Locator("[data-testid=outbound-table] [data-testid=peer-row]").First.WaitForAsync(new() { Timeout = TrafficVisibleMs });
        Assert.Empty(TelemetryEnglishLeftovers.Find(await tab.VisibleTextAsync()));
        await tab.ScreenshotAsync("workload-zh");

        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task The_overview_topology_and_dashboard_are_captured_in_english()
    {
        await using var tab = await console.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync("alice", "alice-demo", "/overview");

        await page.Locator("[data-testid=busiest-row]").First.WaitForAsync(new() { Timeout = TrafficVisibleMs });
        Assert.Contains("frontend", await page.Locator("[data-testid=overview-mesh]").InnerTextAsync());
        await tab.ScreenshotAsync("overview-en");

        await tab.GotoAsync("/topology");
        await WaitForDemoChainAsync(page);
        await tab.ScreenshotAsync("topology-en");

        await tab.GotoAsync(OrdersDashboard);
        await page.Locator("[data-testid=outbound-table] [data-testid=peer-row]").First.WaitForAsync(new() { Timeout = TrafficVisibleMs });
        await page.Locator("[data-testid=inbound-table] [data-testid=peer-row]").First.WaitForAsync(new() { Timeout = TrafficVisibleMs });
        await tab.ScreenshotAsync("workload-en");

        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task The_topology_first_render_time_and_the_serve_memory_for_five_sessions_are_reported()
    {
        var sessions = new List<ConsolePage>();
        try
        {
            var pid = console.Host.ProcessId;
            var before = ServeProcessMemory.ResidentMebibytes(pid);

            for (var i = 0; i < 5; i++)
            {
                var tab = await console.OpenAsync();
                sessions.Add(tab);
                await tab.SignInAsync("alice", "alice-demo", "/topology");
                await WaitForDemoChainAsync(tab.Page);
            }

            // A fresh navigation in a signed-in tab, from navigation start: until the SVG first has its nodes (the
            // prerendered HTML), and until it has them again with the live circuit (the interactive page).
            var timed = sessions[0].Page;
            await timed.GotoAsync("/topology", new() { WaitUntil = WaitUntilState.Commit });
            var firstNodes = await (await timed.WaitForFunctionAsync(
                "() => document.querySelectorAll('[data-testid=topology-node]').length >= 5 ? performance.now() : null",
                null, new() { Timeout = TrafficVisibleMs, PollingInterval = 5 })).JsonValueAsync<double>();
            var interactive = await (await timed.WaitForFunctionAsync(
                "() => window.Blazor !== undefined && document.querySelector('[data-circuit-ready]') !== null && document.querySelectorAll('[data-testid=topology-node]').length >= 5 ? performance.now() : null",
                null, new() { Timeout = TrafficVisibleMs, PollingInterval = 5 })).JsonValueAsync<double>();
            output.WriteLine($"topology with the demo estate, after navigation start: nodes first shown at {firstNodes:F0} ms, interactive with nodes at {interactive:F0} ms");

            var after = ServeProcessMemory.ResidentMebibytes(pid);
            output.WriteLine($"kubemate serve (pid {pid}) VmRSS: {before:F1} MiB before, {after:F1} MiB with 5 console sessions open");

            await WaitForDemoChainAsync(timed);
            foreach (var session in sessions)
            {
                Assert.Empty(session.Errors);
            }
        }
        finally
        {
            foreach (var session in sessions)
            {
                await session.DisposeAsync();
            }
        }
    }

    private static Task WaitForDemoChainAsync(IPage page) => DemoTopology.WaitForChainAsync(page);
}
