using Microsoft.Playwright;

namespace Kubemate.WebConsole.Figures.Browser;

/// <summary>Debian's Chromium, headless, driven by Playwright with the E2E project's flags; no browser download.</summary>
internal sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"chromium: missing at {ExecutablePath}; install Debian's chromium package");
        }
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Arguments });
        return new Chromium(playwright, browser);
    }

    /// <summary>A fresh profile (its own cookies, so its own console session) signed in as <paramref name="user"/> and on <paramref name="path"/>.</summary>
    public async Task<ConsoleTab> SignInAsync(Uri baseUrl, string user, string password, string path)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        await context.AddInitScriptAsync(RenderProbe.Script);
        var page = await context.NewPageAsync();
        var tab = new ConsoleTab(context, page);
        await page.GotoAsync(path);
        await WaitForAddressAsync(page, url => url.AbsolutePath == "/account/signin");
        await page.FillAsync("[data-testid=username]", user);
        await page.FillAsync("[data-testid=password]", password);
        await page.ClickAsync("[data-testid=signin-submit]");
        await WaitForAddressAsync(page, url => url.AbsolutePath == path);
        return tab;
    }

    /// <summary>Polls the address: WaitForURLAsync can miss a navigation landing between its check and its listener.</summary>
    private static async Task WaitForAddressAsync(IPage page, Func<Uri, bool> arrived)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!arrived(new Uri(page.Url)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the browser stayed at {page.Url}");
            }
            await Task.Delay(50);
        }
        await page.WaitForLoadStateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
