using Microsoft.Playwright;

namespace Kubemate.WebConsole.E2E.Browser;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright (no browser download). Every page opened through
/// <see cref="OpenAsync"/> records console errors and page errors so tests can assert there were none.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// How long a click, a fill or a wait for an element may take (Playwright's default is 30 s). The tests share two
    /// cores with the other test projects in CI, where the console answers several times slower than on a quiet machine.
    /// </summary>
    public static readonly TimeSpan ActionTimeout = TimeSpan.FromSeconds(60);

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<ConsoleBrowser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}: install Debian's chromium package");
        }
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = Arguments,
        });
        return new ConsoleBrowser(playwright, browser);
    }

    /// <summary>A fresh browser profile (no cookies) whose language is <paramref name="locale"/>.</summary>
    public async Task<ConsolePage> OpenAsync(Uri baseUrl, string locale = "en-US")
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout((float)ActionTimeout.TotalMilliseconds);
        var page = await context.NewPageAsync();
        return new ConsolePage(context, page);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
