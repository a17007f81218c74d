using System.Text.Json.Nodes;
using Kubemate.WebConsole.E2E.Browser;
using Microsoft.Playwright;
using Kubemate.Cluster.Http;

namespace Kubemate.WebConsole.E2E.Pages;

[Collection(ConsoleCollection.Name)]
public sealed class ConsolePageTests(ConsoleFixture console)
{
    private static readonly TimeSpan Rollout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Alice_meshes_users_after_the_preview_sees_progress_finish_and_finds_her_change_with_its_diff_in_the_audit_log()
    {
        await using var tab = await console.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync("alice", "alice-demo");
        var usersSwitch = page.Locator("[data-testid=injection-switch][data-namespace=users]");
        await usersSwitch.WaitForAsync();
        var usersBadge = BadgeOf(page, "users");
        Assert.Equal("0", await usersBadge.GetAttributeAsync("data-meshed"));
        await tab.ScreenshotAsync("namespaces-en");

        await usersSwitch.ClickAsync();
        var preview = page.Locator("[data-testid=plan-view]");
        await preview.WaitForAsync();
        var restarts = await preview.Locator("[data-testid=plan-restart]").AllInnerTextsAsync();
        Assert.Contains(restarts, r => r.Contains("users", StringComparison.Ordinal));
        Assert.Contains(restarts, r => r.Contains("notifications", StringComparison.Ordinal));
        Assert.Contains("linkerd.io/inject: enabled", await preview.Locator("[data-testid=diff]").InnerTextAsync());
        await tab.ScreenshotAsync("namespaces-preview-en");
        await page.ClickAsync("[data-testid=preview-confirm]");

        await page.Locator("[data-testid=progress][data-state=Completed]").WaitForAsync(new() { Timeout = (float)Rollout.TotalMilliseconds });
        var states = await page.Locator("[data-testid=progress-row]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.workload + '=' + r.dataset.state)");
        Assert.Contains("Deployment/users=Done", states, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("Deployment/notifications=Done", states, StringComparer.OrdinalIgnoreCase);
        await tab.ScreenshotAsync("namespaces-progress-en");
        // The count changes without a reload: the page follows the cluster over the circuit.
        await page.WaitForFunctionAsync(
            "() => { const b = document.querySelector('[data-testid=namespace-row][data-namespace=users]')?.closest('tr')?.querySelector('[data-testid=meshed-badge]'); return b && b.dataset.total !== '0' && b.dataset.meshed === b.dataset.total; }",
            null, new() { Timeout = (float)Rollout.TotalMilliseconds });

        await tab.GotoAsync("/audit");
        var row = page.Locator("[data-testid=audit-table] tbody tr", new() { HasText = "alice" }).Filter(new() { HasText = "users" }).First;
        await row.WaitForAsync();
        await row.ClickAsync();
        var detail = page.Locator("[data-testid=audit-detail]").First;
        await detail.WaitForAsync();
        Assert.Contains("linkerd.io/inject", await detail.Locator("[data-testid=diff]").InnerTextAsync());
        await tab.ScreenshotAsync("audit-en");

        await page.Locator("[data-testid=filter-user]").Locator("xpath=descendant-or-self::input").First.FillAsync("nobody");
        await page.ClickAsync("[data-testid=filter-apply]");
        await page.Locator("[data-testid=audit-count]", new() { HasText = "0 records" }).WaitForAsync();

        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task Alice_exports_the_mesh_change_for_gitops_downloads_the_yaml_and_the_cluster_does_not_change()
    {
        await using var tab = await console.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync("alice", "alice-demo");
        // data is not meshed in the demo estate: the switch turns injection on.
        var dataSwitch = page.Locator("[data-testid=injection-switch][data-namespace=data]");
        await dataSwitch.WaitForAsync();
        var before = await NamespaceAsync("data");

        await dataSwitch.ClickAsync();
        await page.Locator("[data-testid=plan-view]").WaitForAsync();
        await page.ClickAsync("[data-testid=preview-gitops]");
        var panel = page.Locator("[data-testid=gitops-export]");
        await panel.WaitForAsync();
        Assert.Equal("cluster_namespace.core_data.yaml", await panel.GetAttributeAsync("data-file"));
        var download = await tab.ClickAndDownloadAsync("[data-testid=gitops-download]");
        Assert.Equal("cluster_namespace.core_data.yaml", download.SuggestedFilename);
        var yaml = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("kind: Namespace", yaml);
        Assert.Contains("name: data", yaml);
        Assert.Contains("linkerd.io/inject: enabled", yaml);
        await tab.ScreenshotAsync("namespaces-gitops-en");

        var after = await NamespaceAsync("data");
        Assert.Equal((string?)before["metadata"]!["resourceVersion"], (string?)after["metadata"]!["resourceVersion"]);
        Assert.Null(after["metadata"]!["annotations"]?["linkerd.io/inject"]);
        Assert.False(await dataSwitch.IsCheckedAsync());
        await tab.GotoAsync("/audit");
        await page.Locator("[data-testid=audit-table] tbody tr", new() { HasText = "gitops-export" }).Filter(new() { HasText = "data" }).First.WaitForAsync();
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task Olivia_gets_a_switch_for_orders_but_none_for_payments_with_kubernetes_reason()
    {
        await using var tab = await console.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync("olivia", "olivia-demo");

        await page.Locator("[data-testid=injection-switch][data-namespace=orders]").WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=injection-switch][data-namespace=payments]").CountAsync());
        var locked = page.Locator("[data-testid=injection-locked][data-namespace=payments]");
        Assert.Contains("Kubernetes does not allow", await locked.GetAttributeAsync("title"));
        await tab.ScreenshotAsync("namespaces-olivia-en");

        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task A_chinese_browser_gets_every_page_in_chinese_with_no_english_left()
    {
        await using var tab = await console.OpenAsync("zh-CN");
        var page = tab.Page;

        await page.GotoAsync("/account/signin?error=invalid");
        Assert.Contains("用户名或密码错误", await tab.VisibleTextAsync());
        Assert.Empty(EnglishLeftovers.Find(await tab.VisibleTextAsync()));
        await tab.ScreenshotAsync("signin-zh");

        await tab.SignInAsync("alice", "alice-demo");
        await page.Locator("[data-testid=injection-switch][data-namespace=data]").WaitForAsync();
        Assert.Contains("命名空间", await tab.VisibleTextAsync());
        Assert.Empty(EnglishLeftovers.Find(await tab.VisibleTextAsync()));
        await tab.ScreenshotAsync("namespaces-zh");

        await page.Locator("[data-testid=injection-switch][data-namespace=data]").ClickAsync();
        await page.Locator("[data-testid=plan-view]").WaitForAsync();
        Assert.Empty(EnglishLeftovers.Find(await page.Locator("[data-testid=plan-view]").InnerTextAsync()));
        await tab.ScreenshotAsync("namespaces-preview-zh");
        await page.ClickAsync("[data-testid=preview-gitops]");
        var export = page.Locator("[data-testid=gitops-export]");
        await export.WaitForAsync();
        // The YAML is data; everything around it is the console's own text.
        var exportText = await export.EvaluateAsync<string>("e => { const c = e.cloneNode(true); c.querySelector('pre')?.remove(); return c.textContent; }");
        Assert.Contains("下载 YAML", exportText);
        Assert.Empty(EnglishLeftovers.Find(exportText));
        await page.ClickAsync("[data-testid=gitops-close]");

        await tab.GotoAsync("/audit");
        await page.Locator("[data-testid=audit-count]").WaitForAsync();
        Assert.Contains("审计日志", await tab.VisibleTextAsync());
        Assert.Empty(EnglishLeftovers.Find(await tab.VisibleTextAsync()));
        await tab.ScreenshotAsync("audit-zh");

        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task Olivia_reads_only_her_own_audit_records_while_alice_reads_everyone_s()
    {
        await using var alice = await console.OpenAsync();
        await alice.SignInAsync("alice", "alice-demo");
        await PlanMeshAsync(alice, "web");
        await using var olivia = await console.OpenAsync();
        await olivia.SignInAsync("olivia", "olivia-demo");
        await PlanMeshAsync(olivia, "orders");

        await olivia.GotoAsync("/audit");
        var page = olivia.Page;
        await page.Locator("[data-testid=audit-table] tbody tr", new() { HasText = "olivia" }).First.WaitForAsync();
        var rows = await page.Locator("[data-testid=audit-table] tbody tr").AllInnerTextsAsync();
        Assert.DoesNotContain(rows, r => r.Contains("alice", StringComparison.Ordinal));
        Assert.True(await page.Locator("[data-testid=filter-user]").Locator("xpath=descendant-or-self::input").First.IsDisabledAsync());

        await alice.GotoAsync("/audit");
        await alice.Page.Locator("[data-testid=audit-table] tbody tr", new() { HasText = "olivia" }).First.WaitForAsync();
        await alice.Page.Locator("[data-testid=audit-table] tbody tr", new() { HasText = "alice" }).First.WaitForAsync();

        Assert.Empty(alice.Errors);
        Assert.Empty(olivia.Errors);
    }

    /// <summary>A mesh dry run through the REST API with the tab's session cookie: it leaves an audit record and changes nothing.</summary>
    private static async Task PlanMeshAsync(ConsolePage tab, string ns)
    {
        var session = await tab.Page.APIRequest.GetAsync("/api/v1/session");
        var csrf = (string?)JsonNode.Parse(await session.TextAsync())?["csrfToken"] ?? throw new InvalidOperationException("no csrfToken in the session answer");
        var plan = await tab.Page.APIRequest.PostAsync($"/api/v1/namespaces/{ns}/mesh/plan", new()
        {
            Headers = new Dictionary<string, string> { ["X-CSRF-Token"] = csrf },
            DataObject = new { enable = true },
        });
        Assert.Equal(200, plan.Status);
    }

    [Fact]
    public async Task The_language_chosen_in_the_menu_is_remembered_across_pages()
    {
        await using var tab = await console.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync("audrey", "audrey-demo");
        await page.Locator("[data-testid=namespaces-table]").WaitForAsync();
        Assert.Contains("Namespaces", await tab.VisibleTextAsync());

        await page.ClickAsync("[data-testid=language-switch] button");
        await tab.ClickAndWaitForReloadAsync("[data-testid=language-zh-CN]");
        await page.Locator("[data-testid=namespaces-table]").WaitForAsync();
        Assert.Contains("按命名空间开启或关闭服务网格", await tab.VisibleTextAsync());

        await tab.GotoAsync("/audit");
        await page.Locator("[data-testid=audit-count]").WaitForAsync();
        Assert.Contains("审计日志", await tab.VisibleTextAsync());

        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_sign_in_error_in_place()
    {
        await using var tab = await console.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/namespaces");
        await tab.WaitForAddressAsync(url => url.AbsolutePath == "/account/signin", "the sign-in page");
        await tab.ScreenshotAsync("signin-en");

        await page.FillAsync("[data-testid=username]", "alice");
        await page.FillAsync("[data-testid=password]", "wrong");
        await page.ClickAsync("[data-testid=signin-submit]");

        await page.Locator("[data-testid=signin-error]").WaitForAsync();
        Assert.Equal("The user name or password is wrong.", (await page.Locator("[data-testid=signin-error]").InnerTextAsync()).Trim());
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task The_namespaces_page_follows_changes_made_outside_kubemate_without_a_reload()
    {
        await using var tab = await console.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync("audrey", "audrey-demo");
        await page.Locator("[data-testid=namespaces-table]").WaitForAsync();
        await page.EvaluateAsync("() => window.kubemateTestMarker = 'same page'");

        var name = "live-" + Guid.NewGuid().ToString("n")[..6];
        using (var admin = console.Host.Admin.CreateApi())
        {
            await admin.SendAsync(HttpMethod.Post, "api/v1/namespaces",
                new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } }, null, default);
        }

        await page.Locator($"[data-testid=namespace-row][data-namespace={name}]").WaitForAsync();
        Assert.Equal("same page", await page.EvaluateAsync<string>("() => window.kubemateTestMarker"));
        // audrey may read but not patch namespaces: the new row has no switch.
        await page.Locator($"[data-testid=injection-locked][data-namespace={name}]").WaitForAsync();
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task The_dark_theme_is_remembered()
    {
        await using var tab = await console.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync("audrey", "audrey-demo");
        await page.Locator("[data-testid=namespaces-table]").WaitForAsync();
        const string background = "() => getComputedStyle(document.body).backgroundColor";
        var light = await page.EvaluateAsync<string>(background);

        await tab.ClickAndWaitForReloadAsync("[data-testid=theme-switch]");
        await page.Locator("[data-testid=namespaces-table]").WaitForAsync();
        var dark = await page.EvaluateAsync<string>(background);
        await tab.ScreenshotAsync("namespaces-dark-en");
        await tab.GotoAsync("/audit");
        await page.Locator("[data-testid=audit-count]").WaitForAsync();

        Assert.NotEqual(light, dark);
        Assert.Equal(dark, await page.EvaluateAsync<string>(background));
        Assert.Empty(tab.Errors);
    }

    private async Task<JsonNode> NamespaceAsync(string name)
    {
        using var admin = console.Host.Admin.CreateApi();
        return await admin.SendAsync(HttpMethod.Get, $"api/v1/namespaces/{name}", null, null, default);
    }

    private static ILocator BadgeOf(IPage page, string ns) =>
        page.Locator("tr", new() { Has = page.Locator($"[data-testid=namespace-row][data-namespace={ns}]") }).Locator("[data-testid=meshed-badge]");
}
