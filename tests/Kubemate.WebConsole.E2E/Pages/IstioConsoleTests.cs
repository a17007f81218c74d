using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kubemate.WebConsole.E2E.Browser;
using Kubemate.WebConsole.E2E.Hosting;
using Kubemate.WebConsole.E2E.Telemetry;
using Xunit.Abstractions;

namespace Kubemate.WebConsole.E2E.Pages;

/// <summary><c>kubemate serve --mesh istio</c>: the sandbox's estate runs Istio, and one Chromium looks at it.</summary>
public sealed class IstioConsoleFixture : IAsyncLifetime
{
    public IConsoleHost Host { get; private set; } = null!;

    public ConsoleBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var work = Path.Combine(Path.GetTempPath(), "kubemate-console-istio-e2e-" + Guid.NewGuid().ToString("n")[..8]);
        Host = await ServeProcess.StartAsync(work, mesh: "istio");
        Browser = await ConsoleBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Host.DisposeAsync();
    }
}

/// <summary>With Istio, the overview, the Namespaces page and the topology agree on what is meshed and name istiod.</summary>
public sealed partial class IstioConsoleTests(IstioConsoleFixture console, ITestOutputHelper output) : IClassFixture<IstioConsoleFixture>
{
    private static readonly string[] Meshed = ["web", "orders", "payments"];

    [Fact]
    public async Task The_overview_the_namespaces_page_and_the_topology_agree_on_meshed_counts_and_name_istiod()
    {
        await using var tab = await console.Browser.OpenAsync(console.Host.Url, "en-US");
        var page = tab.Page;
        await tab.SignInAsync("alice", "alice-demo", "/namespaces");

        // The Namespaces page: the Istio-injected namespaces are fully meshed, the others not at all.
        var api = JsonNode.Parse(await (await page.APIRequest.GetAsync("/api/v1/namespaces")).TextAsync())!.AsArray().Select(n => n!).ToList();
        foreach (var ns in Meshed.Append("users"))
        {
            var status = api.Single(n => (string?)n["name"] == ns);
            var badge = page.Locator($"tr:has([data-testid=namespace-row][data-namespace='{ns}']) [data-testid=meshed-badge]");
            await badge.WaitForAsync(new() { Timeout = DemoTopology.TrafficVisibleMs });
            var (shownMeshed, shownTotal) = (int.Parse((await badge.GetAttributeAsync("data-meshed"))!, CultureInfo.InvariantCulture), int.Parse((await badge.GetAttributeAsync("data-total"))!, CultureInfo.InvariantCulture));
            output.WriteLine($"{ns}: page {shownMeshed}/{shownTotal}, API {status["meshedPods"]}/{status["totalPods"]}");
            Assert.Equal(((int)status["meshedPods"]!, (int)status["totalPods"]!), (shownMeshed, shownTotal));
            Assert.Equal(Meshed.Contains(ns) ? shownTotal : 0, shownMeshed);
            Assert.True(shownTotal > 0, $"{ns} has pods");
        }
        var meshedWorkloads = api.SelectMany(n => n["workloads"]!.AsArray().Where(w => (int)w!["meshedPods"]! > 0).Select(w => $"{n["name"]}/{w!["name"]}"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["orders/inventory", "orders/orders", "payments/fraud-check", "payments/payment", "web/frontend"], meshedWorkloads);

        // The overview: the same number of meshed workloads, and istiod in istio-system as the control plane.
        await tab.GotoAsync("/overview");
        var plane = page.Locator("[data-testid=control-plane-row][data-namespace='istio-system']");
        await plane.WaitForAsync(new() { Timeout = DemoTopology.TrafficVisibleMs });
        var planeText = await plane.InnerTextAsync();
        output.WriteLine($"control plane: {planeText}");
        Assert.Contains("istiod", await plane.Locator("[data-testid=control-plane-name]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("1/1", planeText, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=control-plane-row][data-namespace='linkerd']").CountAsync());
        var coverage = await page.Locator("[data-testid=meshed-workloads]").InnerTextAsync();
        output.WriteLine($"overview: {coverage}");
        Assert.Equal(meshedWorkloads.Count, int.Parse(LeadingNumber().Match(coverage).Value, CultureInfo.InvariantCulture));
        Assert.Equal(0, await page.Locator("[data-testid=identity-not-visible]").CountAsync());

        // The topology: the same workloads are drawn meshed, and Istio's traffic reaches the chain.
        await tab.GotoAsync("/topology");
        await DemoTopology.WaitForChainAsync(page);
        var meshedNodes = await page.Locator("[data-testid=topology-node][data-meshed=true]").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.nodeId)");
        Assert.Equal(meshedWorkloads, meshedNodes.Select(id => id.Split('/') is [var ns, _, var name] ? $"{ns}/{name}" : id).Order(StringComparer.Ordinal));
        await page.WaitForFunctionAsync(
            $"() => [...document.querySelectorAll(\"[data-testid=topology-edge]\")].some(e => e.dataset.edge === '{DemoTopology.FrontendId}->{DemoTopology.OrdersId}' && e.dataset.health !== 'NoTraffic')",
            null, new() { Timeout = DemoTopology.TrafficVisibleMs });

        Assert.Empty(tab.Errors);
    }

    [GeneratedRegex(@"^\d+")]
    private static partial Regex LeadingNumber();
}
