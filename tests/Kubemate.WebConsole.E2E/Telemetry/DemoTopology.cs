using Kubemate.WebConsole.E2E.Browser;
using Microsoft.Playwright;

namespace Kubemate.WebConsole.E2E.Telemetry;

/// <summary>The demo estate's call chain as the topology draws it, and how long simulated traffic takes to show.</summary>
public static class DemoTopology
{
    public const string OrdersId = "orders/deployment/orders";
    public const string InventoryId = "orders/deployment/inventory";
    public const string FrontendId = "web/deployment/frontend";

    // The embedded store scrapes every 10 s and the pages refresh as often; the machine is slow and shared.
    public static readonly TimeSpan TrafficVisible = TimeSpan.FromMinutes(3);
    public static readonly float TrafficVisibleMs = (float)TrafficVisible.TotalMilliseconds;

    public static readonly string[] Chain = [FrontendId, OrdersId, InventoryId, "payments/deployment/payment"];

    /// <summary>Waits until the chain's nodes and the gateway (the one square) are drawn.</summary>
    public static async Task WaitForChainAsync(IPage page)
    {
        foreach (var id in Chain)
        {
            await page.Locator($"[data-testid=topology-node][data-node-id='{id}']").WaitForAsync(new() { Timeout = TrafficVisibleMs });
        }
        await page.Locator("[data-testid=topology-node]:has(rect)").WaitForAsync(new() { Timeout = TrafficVisibleMs });
    }

    /// <summary>Clicks a workload node and waits until the tab is on its dashboard.</summary>
    public static async Task ClickThroughAsync(ConsolePage tab, string nodeId, string dashboardPath)
    {
        await tab.Page.Locator($"[data-testid=topology-node][data-node-id='{nodeId}']").ClickAsync();
        await tab.WaitForAddressAsync(url => url.AbsolutePath.Equals(dashboardPath, StringComparison.OrdinalIgnoreCase), dashboardPath, TrafficVisible);
    }

    /// <summary>A tab signed in as alice on the topology, with the chain drawn.</summary>
    public static async Task<ConsolePage> OpenAsAliceAsync(ConsoleFixture console)
    {
        var tab = await console.OpenAsync();
        try
        {
            await tab.SignInAsync("alice", "alice-demo", "/topology");
            await WaitForChainAsync(tab.Page);
            return tab;
        }
        catch
        {
            await tab.DisposeAsync();
            throw;
        }
    }
}
