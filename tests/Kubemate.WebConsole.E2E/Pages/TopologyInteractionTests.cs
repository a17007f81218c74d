using System.Globalization;
using System.Text.RegularExpressions;
using Kubemate.WebConsole.E2E.Telemetry;
using Microsoft.Playwright;

namespace Kubemate.WebConsole.E2E.Pages;

/// <summary>What topology.js adds to the server-drawn graph, in a real browser: zoom, drag, export; and the namespace view.</summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class TopologyInteractionTests(ConsoleFixture console)
{
    private const string Viewport = "#km-topology .km-topology-viewport";

    [Fact]
    public async Task The_graph_zooms_keeps_a_dragged_node_where_it_was_dropped_and_exports_svg_and_png()
    {
        await using var tab = await DemoTopology.OpenAsAliceAsync(console);
        var page = tab.Page;
        await page.Locator("[data-testid=export-svg]:not([disabled])").WaitForAsync();

        var svg = await page.Locator("[data-testid=topology-svg]").BoundingBoxAsync();
        await page.Mouse.MoveAsync(svg!.X + svg.Width / 2, svg.Y + svg.Height / 2);
        await page.Mouse.WheelAsync(0, -300);
        await page.WaitForFunctionAsync($"() => /scale\\(1\\.[0-9]/.test(document.querySelector('{Viewport}')?.getAttribute('transform') ?? '')");
        await page.ClickAsync("[data-testid=reset-view]");
        await page.WaitForFunctionAsync($"() => (document.querySelector('{Viewport}')?.getAttribute('transform') ?? '').endsWith('scale(1)')");

        var orders = page.Locator($"[data-testid=topology-node][data-node-id='{DemoTopology.OrdersId}']");
        var edge = page.Locator($"[data-testid=topology-edge][data-edge='{DemoTopology.OrdersId}->{DemoTopology.InventoryId}'] path").First;
        await edge.WaitForAsync(new() { Timeout = DemoTopology.TrafficVisibleMs });
        var (x, y) = Translation(await orders.GetAttributeAsync("transform"));
        var edgeBefore = await edge.GetAttributeAsync("d");
        var box = await orders.BoundingBoxAsync();
        await page.Mouse.MoveAsync(box!.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width / 2 + 20, box.Y + box.Height / 2 + 60, new() { Steps = 5 });
        await page.Mouse.MoveAsync(box.X + box.Width / 2 + 40, box.Y + box.Height / 2 + 120, new() { Steps = 5 });
        await page.Mouse.UpAsync();

        var (droppedX, droppedY) = Translation(await orders.GetAttributeAsync("transform"));
        Assert.True(droppedY > y + 50, $"orders moved from ({x}, {y}) to ({droppedX}, {droppedY})");
        Assert.NotEqual(edgeBefore, await edge.GetAttributeAsync("d"));
        // A drag is not a click: the page did not open the dashboard.
        Assert.EndsWith("/topology", new Uri(page.Url).AbsolutePath);

        // Another page and back in the same session: the dropped position is kept by the server, not redrawn.
        await page.ClickAsync("a[href='/overview']");
        await tab.WaitForAddressAsync(url => url.AbsolutePath == "/overview", "/overview");
        await page.ClickAsync("a[href='/topology']");
        await DemoTopology.WaitForChainAsync(page);
        var (keptX, keptY) = Translation(await orders.GetAttributeAsync("transform"));
        Assert.Equal((droppedX, droppedY), (keptX, keptY), new PixelComparer());

        await page.Locator("[data-testid=export-svg]:not([disabled])").WaitForAsync();
        var svgDownload = await tab.ClickAndDownloadAsync("[data-testid=export-svg]");
        Assert.Equal("topology.svg", svgDownload.SuggestedFilename);
        var exported = await File.ReadAllTextAsync(await svgDownload.PathAsync());
        Assert.StartsWith("<svg", exported);
        Assert.Contains($"data-node-id=\"{DemoTopology.InventoryId}\"", exported);
        Assert.DoesNotContain("scale(", exported[..exported.IndexOf("km-topology-viewport", StringComparison.Ordinal)]);

        var pngDownload = await tab.ClickAndDownloadAsync("[data-testid=export-png]");
        Assert.Equal("topology.png", pngDownload.SuggestedFilename);
        var png = await File.ReadAllBytesAsync(await pngDownload.PathAsync());
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.True(png.Length > 2_000, $"the PNG has only {png.Length} bytes");

        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task The_namespace_view_draws_one_node_per_namespace_and_a_click_shows_that_namespaces_workloads()
    {
        await using var tab = await DemoTopology.OpenAsAliceAsync(console);
        var page = tab.Page;

        await page.ClickAsync("[data-testid=show-namespaces]");
        var ordersNamespace = page.Locator("[data-testid=topology-node][data-node-id$='orders']:has(polygon)");
        await ordersNamespace.WaitForAsync();
        // The calls between namespaces, once the simulated traffic has been scraped.
        await page.Locator("[data-testid=topology-edge][data-edge='namespace:web->namespace:orders']").WaitForAsync(new() { Timeout = DemoTopology.TrafficVisibleMs });
        Assert.Equal(0, await page.Locator($"[data-testid=topology-node][data-node-id='{DemoTopology.OrdersId}']").CountAsync());
        Assert.True(await page.Locator("[data-testid=topology-node]:has(polygon)").CountAsync() >= 4);
        await tab.ScreenshotAsync("topology-namespaces-en");

        await ordersNamespace.ClickAsync();
        await page.Locator($"[data-testid=topology-node][data-node-id='{DemoTopology.InventoryId}']").WaitForAsync();
        Assert.Equal(0, await page.Locator($"[data-testid=topology-node][data-node-id='{DemoTopology.FrontendId}']").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=topology-node]:has(polygon)").CountAsync());

        Assert.Empty(tab.Errors);
    }

    private static (double X, double Y) Translation(string? transform)
    {
        var match = TranslatePattern().Match(transform ?? "");
        Assert.True(match.Success, $"no translate() in \"{transform}\"");
        return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"translate\(([-\d.]+),\s*([-\d.]+)\)")]
    private static partial Regex TranslatePattern();

    /// <summary>Positions travel through JS and C# number formatting: equal to a tenth of a pixel.</summary>
    private sealed class PixelComparer : IEqualityComparer<(double X, double Y)>
    {
        public bool Equals((double X, double Y) a, (double X, double Y) b) => Math.Abs(a.X - b.X) < 0.15 && Math.Abs(a.Y - b.Y) < 0.15;

        public int GetHashCode((double X, double Y) value) => 0;
    }
}
