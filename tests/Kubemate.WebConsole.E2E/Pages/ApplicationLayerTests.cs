using System.Text.Json.Nodes;
using Kubemate.WebConsole.E2E.Browser;
using Kubemate.WebConsole.E2E.Telemetry;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Kubemate.Cluster.Http;

namespace Kubemate.WebConsole.E2E.Pages;

/// <summary>
/// The console and the REST API are adapters over one application layer: they show the same telemetry to the same
/// user, and a run started from a page belongs to Kubemate, not to the page.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ApplicationLayerTests(ConsoleFixture console, ITestOutputHelper output)
{
    private const string OrdersId = DemoTopology.OrdersId;
    private static readonly TimeSpan Rollout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Olivia_sees_the_same_hidden_caller_of_orders_with_the_same_rps_in_her_topology_her_dashboard_and_the_api()
    {
        await using var tab = await console.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync("olivia", "olivia-demo", "/topology");
        var hiddenEdge = page.Locator($"[data-testid=topology-edge][data-source=hidden][data-target='{OrdersId}']");
        await hiddenEdge.WaitForAsync(new() { Timeout = DemoTopology.TrafficVisibleMs });
        // web/frontend calls orders; olivia may not read web, so it is not drawn by name.
        Assert.Equal(0, await page.Locator($"[data-testid=topology-node][data-node-id='{DemoTopology.FrontendId}']").CountAsync());

        await Eventually.True(async () =>
        {
            var shown = double.Parse((await hiddenEdge.GetAttributeAsync("data-rps"))!, System.Globalization.CultureInfo.InvariantCulture);
            var answer = await GetJsonAsync(page, "/api/v1/telemetry/topology?window=1m");
            var api = answer["data"]!["edges"]!.AsArray().OfType<JsonObject>()
                .Single(e => (string?)e["source"] == "hidden" && (string?)e["target"] == OrdersId)["rps"]!.GetValue<double>();
            output.WriteLine($"topology hidden -> orders: page {shown} rps, API {api} rps");
            return shown > 0 && shown == api;
        }, "olivia's topology and the REST API to show the same hidden -> orders rate", DemoTopology.TrafficVisible);

        await tab.GotoAsync("/workloads/orders/deployment/orders");
        var hiddenCaller = page.Locator("[data-testid=inbound-table] [data-testid=peer-row][data-peer=hidden]");
        await hiddenCaller.WaitForAsync(new() { Timeout = DemoTopology.TrafficVisibleMs });
        await Eventually.True(async () =>
        {
            var shown = double.Parse((await hiddenCaller.GetAttributeAsync("data-rps"))!, System.Globalization.CultureInfo.InvariantCulture);
            var answer = await GetJsonAsync(page, "/api/v1/telemetry/workloads/orders/deployment/orders?window=1m&series=true");
            var api = answer["data"]!["inbound"]!.AsArray().OfType<JsonObject>()
                .Single(e => (string?)e["source"]!["kind"] == "hidden")["metrics"]!["rps"]!.GetValue<double>();
            output.WriteLine($"dashboard hidden caller: page {shown} rps, API {api} rps");
            return shown > 0 && shown == api;
        }, "olivia's dashboard and the REST API to show the same hidden caller rate", DemoTopology.TrafficVisible);
        Assert.DoesNotContain("frontend", await page.Locator("[data-testid=inbound-table]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task A_mesh_switch_alice_leaves_at_once_completes_is_audited_as_completed_and_another_session_sees_it_progress()
    {
        var ns = "bulk-" + Guid.NewGuid().ToString("n")[..6];
        await CreateNamespaceWithDeploymentsAsync(ns, 20);
        await using var watcher = await console.OpenAsync();
        await watcher.SignInAsync("alice", "alice-demo");
        await using var actor = await console.OpenAsync();
        await actor.SignInAsync("alice", "alice-demo");
        var nsSwitch = actor.Page.Locator($"[data-testid=injection-switch][data-namespace={ns}]");
        await nsSwitch.WaitForAsync();
        await actor.Page.WaitForFunctionAsync(
            "ns => { const b = document.querySelector(`[data-testid=namespace-row][data-namespace=${ns}]`)?.closest('tr')?.querySelector('[data-testid=meshed-badge]'); return b && b.dataset.total === '20'; }",
            ns, new() { Timeout = (float)Rollout.TotalMilliseconds });

        await nsSwitch.ClickAsync();
        var preview = actor.Page.Locator("[data-testid=plan-view]");
        await preview.WaitForAsync();
        Assert.Equal(20, await preview.Locator("[data-testid=plan-restart]").CountAsync());
        await actor.Page.ClickAsync("[data-testid=preview-confirm]");
        // The dialog closing is the server having taken the click; then the page is left at once.
        await preview.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await actor.GotoAsync("/topology");

        var progress = watcher.Page.Locator("[data-testid=progress]");
        await progress.WaitForAsync(new() { Timeout = (float)Rollout.TotalMilliseconds });
        Assert.Contains(ns, await progress.Locator("[data-testid=progress-title]").InnerTextAsync(), StringComparison.Ordinal);
        await watcher.Page.Locator("[data-testid=progress][data-state=Completed]").WaitForAsync(new() { Timeout = (float)Rollout.TotalMilliseconds });
        var states = await watcher.Page.Locator("[data-testid=progress-row]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.state)");
        Assert.Equal(20, states.Count(s => s == "Done"));

        var records = (await GetJsonAsync(actor.Page, $"/api/v1/audit?namespace={ns}")).AsArray().OfType<JsonObject>().ToList();
        var run = Assert.Single(records, r => (string?)r["operation"] == "mesh-enable" && r["dryRun"]?.GetValue<bool>() == false);
        output.WriteLine(run.ToJsonString());
        Assert.Equal("Allowed", (string?)run["outcome"]);
        Assert.Equal(20, run["objects"]!.AsArray().Count(o => (string?)o!["action"] == "restart" && (string?)o["status"] == "done"));
        Assert.Empty(watcher.Errors);
        Assert.Empty(actor.Errors);
    }

    private async Task CreateNamespaceWithDeploymentsAsync(string ns, int count)
    {
        using var admin = console.Host.Admin.CreateApi();
        await admin.SendAsync(HttpMethod.Post, "api/v1/namespaces",
            new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = ns } }, null, default);
        for (var i = 0; i < count; i++)
        {
            var name = $"w{i:D2}";
            var labels = new JsonObject { ["app"] = name };
            await admin.SendAsync(HttpMethod.Post, $"apis/apps/v1/namespaces/{ns}/deployments", new JsonObject
            {
                ["apiVersion"] = "apps/v1",
                ["kind"] = "Deployment",
                ["metadata"] = new JsonObject { ["name"] = name },
                ["spec"] = new JsonObject
                {
                    ["replicas"] = 1,
                    ["selector"] = new JsonObject { ["matchLabels"] = labels.DeepClone() },
                    ["template"] = new JsonObject
                    {
                        ["metadata"] = new JsonObject { ["labels"] = labels.DeepClone() },
                        ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "registry.example/app:1" }) },
                    },
                },
            }, null, default);
        }
    }

    private static async Task<JsonNode> GetJsonAsync(IPage page, string path)
    {
        var response = await page.APIRequest.GetAsync(path);
        Assert.True(response.Ok, $"GET {path} answered {response.Status}: {await response.TextAsync()}");
        return JsonNode.Parse(await response.TextAsync())!;
    }
}
