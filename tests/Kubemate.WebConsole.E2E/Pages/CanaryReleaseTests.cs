using Kubemate.WebConsole.E2E.Browser;
using Kubemate.WebConsole.E2E.Canary;
using Microsoft.Playwright;

namespace Kubemate.WebConsole.E2E.Pages;

/// <summary>
/// The seed's canary flow in the console, in English and in Chinese: the wizard proposes orders-v1 and orders-v2 for
/// orders, a person sets 95/5, previews the diff and applies; moves to 50/50 and promotes; a second release is rolled
/// back with one click; the audit log has every step. Team and auditor rights follow Kubernetes RBAC.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CanaryReleaseTests(ConsoleFixture console) : IAsyncLifetime
{
    /// <summary>An action waits this long at most for the controller (CanaryReleases.ActionWait) before answering Queued.</summary>
    private static readonly TimeSpan ActionAnswer = TimeSpan.FromSeconds(90);

    /// <summary>How long the controller and the simulated traffic may take to show a change on a loaded CI machine.</summary>
    private static readonly float Controller = (float)TimeSpan.FromMinutes(3).TotalMilliseconds;

    private readonly List<string> _releases = [];

    public Task InitializeAsync() => OrdersCanary.EnsureAsync(console.Host.Admin);

    public async Task DisposeAsync()
    {
        foreach (var release in _releases)
        {
            await OrdersCanary.DeleteReleaseAsync(console.Host.Admin, release);
        }
    }

    [Fact]
    public async Task Alice_releases_orders_v2_at_95_5_moves_to_50_50_promotes_rolls_a_second_release_back_and_finds_each_step_in_the_audit_log()
    {
        await using var tab = await console.OpenAsync();
        await SeedFlowAsync(tab, "en", "orders-seed", "orders-retry");
        await tab.GotoAsync("/audit");
        var page = tab.Page;
        var rows = page.Locator("[data-testid=audit-table] tbody tr", new() { HasText = "alice" }).Filter(new() { HasText = "orders-seed" });
        await rows.First.WaitForAsync();
        // Apply at 5, the weight at 50, the promotion; the preview is a dry run and is recorded too.
        await Eventually.True(async () => await rows.CountAsync() >= 4, "the audit log to hold alice's steps on orders-seed");
        await page.Locator("[data-testid=audit-table] tbody tr", new() { HasText = "alice" }).Filter(new() { HasText = "orders-retry" }).First.WaitForAsync();
        await rows.First.ClickAsync();
        var diff = await page.Locator("[data-testid=audit-detail]").First.Locator("[data-testid=diff]").InnerTextAsync();
        Assert.Contains("kubemate.io/action", diff);
        Assert.Contains("promote", diff);
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task The_same_flow_in_a_chinese_browser_shows_no_english()
    {
        await using var tab = await console.OpenAsync("zh-CN");
        await SeedFlowAsync(tab, "zh", "orders-zh", "orders-zh-retry");
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task Olivia_runs_releases_in_orders_only_and_audrey_sees_them_without_any_control()
    {
        await using var olivia = await console.OpenAsync();
        await olivia.SignInAsync("olivia", "olivia-demo", "/releases");
        await olivia.Page.ClickAsync("[data-testid=new-release]");
        // orders is the one namespace where Kubernetes lets her create releases: the wizard picks it.
        var target = olivia.Page.Locator("[data-testid=wizard-target][data-namespace=orders]");
        await target.WaitForAsync();
        Assert.Equal("orders", await target.GetAttributeAsync("data-namespaces"));
        await ProposeAsync(olivia.Page, choose: false);
        await FillAsync(olivia.Page, "wizard-name", "olivia-canary");
        _releases.Add("olivia-canary");
        await PreviewAndApplyAsync(olivia, "olivia-canary");
        Assert.Equal(6, await olivia.Page.Locator("[data-testid=action]").CountAsync());
        await olivia.ScreenshotAsync("release-olivia-en");

        await using var audrey = await console.OpenAsync();
        await audrey.SignInAsync("audrey", "audrey-demo", "/releases");
        await audrey.Page.Locator("[data-testid=release-row][data-name=olivia-canary]").WaitForAsync();
        Assert.Equal(0, await audrey.Page.Locator("[data-testid=new-release]").CountAsync());
        await audrey.GotoAsync("/releases/orders/olivia-canary");
        await audrey.Page.Locator("[data-testid=release-read-only]").WaitForAsync();
        Assert.Equal(0, await audrey.Page.Locator("[data-testid=action]").CountAsync());
        Assert.Equal(0, await audrey.Page.Locator("[data-testid=set-weight]").CountAsync());

        Assert.Empty(olivia.Errors);
        Assert.Empty(audrey.Errors);
    }

    private async Task SeedFlowAsync(ConsolePage tab, string language, string first, string second)
    {
        var page = tab.Page;
        _releases.Add(first);
        _releases.Add(second);
        await tab.SignInAsync("alice", "alice-demo", "/releases");
        await page.ClickAsync("[data-testid=new-release]");
        await ProposeAsync(page, choose: true);
        var proposal = page.Locator("[data-testid=wizard-proposal]");
        Assert.Equal("orders-v1", await proposal.GetAttributeAsync("data-stable"));
        Assert.Equal("orders-v2", await proposal.GetAttributeAsync("data-canary"));
        Assert.Equal("orders-v1", await InputAsync(page, "wizard-stable").InputValueAsync());
        Assert.Equal("orders-v2", await InputAsync(page, "wizard-canary").InputValueAsync());
        await page.Locator("[data-testid=candidate][data-service=orders-v2]").WaitForAsync();
        await FillAsync(page, "wizard-name", first);

        // The slider moves the split; she settles on 95/5.
        await page.Locator("[data-testid=wizard-weight] input[type=range]").FillAsync("20");
        await page.Locator("[data-testid=wizard-weight][data-weight='20']").WaitForAsync();
        await page.Locator("[data-testid=wizard-weight] input[type=range]").FillAsync("5");
        await page.Locator("[data-testid=wizard-weight][data-weight='5']").WaitForAsync();
        Assert.Contains("95", await page.Locator("[data-testid=wizard-weight-label]").InnerTextAsync());
        await page.ClickAsync("[data-testid=wizard-preview]");
        var preview = page.Locator("[data-testid=release-preview]");
        await preview.WaitForAsync();
        var diff = await preview.Locator("[data-testid=diff]").InnerTextAsync();
        Assert.Contains("canary: orders-v2", diff);
        Assert.Contains("weight: 5", diff);
        Assert.Contains("orders-v2", await preview.Locator("[data-testid=preview-traffic]").InnerTextAsync());
        if (language == "zh")
        {
            Assert.Empty(CanaryEnglishLeftovers.Find(await page.EvaluateAsync<string>(CanaryEnglishLeftovers.OwnText)));
        }
        await preview.ScrollIntoViewIfNeededAsync();
        await tab.ScreenshotAsync($"release-wizard-{language}");

        await page.ClickAsync("[data-testid=wizard-apply]");
        await ReleasePageAsync(tab, first);
        await page.Locator("[data-testid=release-header][data-spec-weight='5']").WaitForAsync();
        // The controller (leader of serve) starts the release and writes the 95/5 split.
        await page.Locator("[data-testid=release-header][data-phase=Progressing][data-weight='5']").WaitForAsync(new() { Timeout = Controller });
        var applied = await OrdersCanary.ReleaseAsync(console.Host.Admin, first);
        Assert.Equal(5, (int?)applied?["spec"]?["weight"]);
        Assert.Equal("manual", (string?)applied?["spec"]?["mode"]);
        Assert.Equal("orders-v1", (string?)applied?["spec"]?["stable"]);
        if (language == "zh")
        {
            Assert.Empty(CanaryEnglishLeftovers.Find(await page.EvaluateAsync<string>(CanaryEnglishLeftovers.OwnText)));
        }
        await tab.ScreenshotAsync($"release-{language}");

        // 50/50, through the release page's slider.
        await page.Locator("[data-testid=release-weight] input[type=range]").FillAsync("50");
        await page.Locator("[data-testid=release-weight][data-weight='50']").WaitForAsync();
        await ConfirmedAsync(page, "[data-testid=set-weight]", "set-weight");
        await page.Locator("[data-testid=release-header][data-spec-weight='50'][data-weight='50']").WaitForAsync(new() { Timeout = Controller });
        Assert.Equal(50, (int?)(await OrdersCanary.ReleaseAsync(console.Host.Admin, first))?["spec"]?["weight"]);
        // Traffic moves: at 50/50 the canary serves requests, side by side with stable.
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=backend-metrics][data-service=orders-v2]')?.dataset.rps ?? 0) > 0",
            null, new() { Timeout = Controller });
        await tab.ScreenshotAsync($"release-50-{language}");

        await ConfirmedAsync(page, "[data-testid=action][data-verb=promote]", "promote");
        var promoted = await OrdersCanary.ReleaseAsync(console.Host.Admin, first);
        Assert.Contains("\"verb\":\"promote\"", (string?)promoted?["metadata"]?["annotations"]?["kubemate.io/action"] ?? "");
        await page.Locator("[data-testid=release-header][data-phase=Succeeded][data-weight='100']").WaitForAsync(new() { Timeout = Controller });

        await tab.GotoAsync("/releases");
        await page.Locator($"[data-testid=release-row][data-name={first}]").WaitForAsync();
        if (language == "zh")
        {
            Assert.Empty(CanaryEnglishLeftovers.Find(await page.EvaluateAsync<string>(CanaryEnglishLeftovers.OwnText)));
        }
        await tab.ScreenshotAsync($"releases-{language}");

        // A second release of the same canary, rolled back with one click (and its confirmation).
        await OrdersCanary.DeleteReleaseAsync(console.Host.Admin, first);
        await page.ClickAsync("[data-testid=new-release]");
        await ProposeAsync(page, choose: true);
        await FillAsync(page, "wizard-name", second);
        await page.ClickAsync("[data-testid=wizard-preview]");
        await page.Locator("[data-testid=release-preview]").WaitForAsync();
        await page.ClickAsync("[data-testid=wizard-apply]");
        await ReleasePageAsync(tab, second);
        await ConfirmedAsync(page, "[data-testid=action][data-verb=rollback]", "rollback");
        var rolledBack = await OrdersCanary.ReleaseAsync(console.Host.Admin, second);
        Assert.Contains("\"verb\":\"rollback\"", (string?)rolledBack?["metadata"]?["annotations"]?["kubemate.io/action"] ?? "");
        await page.Locator("[data-testid=release-header][data-phase=RolledBack][data-weight='0']").WaitForAsync(new() { Timeout = Controller });
        if (language == "zh")
        {
            Assert.Empty(CanaryEnglishLeftovers.Find(await page.EvaluateAsync<string>(CanaryEnglishLeftovers.OwnText)));
        }
        await tab.ScreenshotAsync($"release-rollback-{language}");
    }

    /// <summary>On the wizard: picks orders (when <paramref name="choose"/>), names the Service and asks for the proposal.</summary>
    private static async Task ProposeAsync(IPage page, bool choose)
    {
        if (choose)
        {
            await InputAsync(page, "wizard-namespace").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"^\s*orders\s*$") }).ClickAsync();
            await page.Locator(".mud-popover-open").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        }
        await FillAsync(page, "wizard-service", "orders");
        await page.ClickAsync("[data-testid=wizard-propose]");
        await page.Locator("[data-testid=wizard-proposal]").WaitForAsync();
    }

    private static async Task PreviewAndApplyAsync(ConsolePage tab, string name)
    {
        await tab.Page.ClickAsync("[data-testid=wizard-preview]");
        await tab.Page.Locator("[data-testid=release-preview]").WaitForAsync();
        await tab.Page.ClickAsync("[data-testid=wizard-apply]");
        await ReleasePageAsync(tab, name);
    }

    private static async Task ReleasePageAsync(ConsolePage tab, string name)
    {
        await tab.WaitForAddressAsync(url => url.AbsolutePath == $"/releases/orders/{name}", $"the release page of {name}");
        await tab.Page.Locator("[data-testid=release-header]").WaitForAsync();
    }

    /// <summary>Clicks an action, confirms it, and waits for its outcome: done by the controller, or queued for it.</summary>
    private static async Task ConfirmedAsync(IPage page, string button, string verb)
    {
        await page.ClickAsync(button);
        await page.ClickAsync("[data-testid=confirm-yes]");
        var outcome = page.Locator($"[data-testid=action-outcome][data-verb={verb}]");
        await outcome.WaitForAsync(new() { Timeout = (float)ActionAnswer.TotalMilliseconds });
        var state = await outcome.GetAttributeAsync("data-state");
        Assert.True(state is "Done" or "Queued", $"{verb} ended {state}: {await outcome.InnerTextAsync()}");
    }

    private static ILocator InputAsync(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}]").Locator("xpath=descendant-or-self::input").First;

    private static Task FillAsync(IPage page, string testId, string value) => InputAsync(page, testId).FillAsync(value);
}
