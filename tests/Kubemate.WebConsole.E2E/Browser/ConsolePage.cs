using Microsoft.Playwright;

namespace Kubemate.WebConsole.E2E.Browser;

/// <summary>One browser tab on the console, with the errors it logged and the steps every test takes.</summary>
public sealed class ConsolePage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    public ConsolePage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add($"console: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add($"page error: {error}");
            }
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>Signs in through the sign-in form and waits for the console's circuit to be live.</summary>
    public async Task SignInAsync(string user, string password, string returnPath = "/namespaces")
    {
        await Page.GotoAsync(returnPath);
        await WaitForAddressAsync(url => url.AbsolutePath == "/account/signin", "the sign-in page");
        await Page.FillAsync("[data-testid=username]", user);
        await Page.FillAsync("[data-testid=password]", password);
        await Page.ClickAsync("[data-testid=signin-submit]");
        // Back where the user wanted to go: the sign-in carried the return URL through.
        await WaitForAddressAsync(url => url.PathAndQuery == returnPath, returnPath);
        await WaitForCircuitAsync();
    }

    /// <summary>
    /// Waits until the tab's address satisfies <paramref name="arrived"/>, then for the document to have loaded.
    /// Not <c>WaitForURLAsync</c>: it checks the address and then starts listening, so a client-side navigation
    /// (Blazor's <c>NavigateTo</c>, a pushState) landing between the two is missed and the wait runs out although
    /// the tab is already there. Polling the address cannot miss it.
    /// </summary>
    public async Task WaitForAddressAsync(Func<Uri, bool> arrived, string what, TimeSpan? timeout = null)
    {
        await Eventually.True(() => Task.FromResult(arrived(new Uri(Page.Url))), $"the tab to be at {what} (it is at {Page.Url})",
            timeout ?? ConsoleBrowser.ActionTimeout);
        await Page.WaitForLoadStateAsync();
    }

    /// <summary>Waits until Blazor has connected, so clicks reach the server.</summary>
    public Task WaitForCircuitAsync() =>
        Page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('[data-circuit-ready]') !== null");

    /// <summary>Clicks something that reloads the page (language, theme) and waits for the new page's circuit.</summary>
    public async Task ClickAndWaitForReloadAsync(string selector)
    {
        await Page.EvaluateAsync("() => window.kubemateOldPage = true");
        await Page.ClickAsync(selector);
        await Eventually.True(async () =>
        {
            try
            {
                return await Page.EvaluateAsync<bool>("() => window.kubemateOldPage === undefined && document.querySelector('[data-circuit-ready]') !== null");
            }
            catch (PlaywrightException)
            {
                // The old document went away mid-call: the reload is under way.
                return false;
            }
        }, "the page reloaded with a live circuit");
    }

    /// <summary>
    /// Clicks something that downloads a file and returns the download. The wait for the file is longer than a click may
    /// take, so a click that cannot happen fails with Playwright's reason rather than "no download".
    /// </summary>
    public Task<IDownload> ClickAndDownloadAsync(string selector) =>
        Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync(selector),
            new() { Timeout = 2 * (float)ConsoleBrowser.ActionTimeout.TotalMilliseconds });

    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitForCircuitAsync();
    }

    public Task<string> VisibleTextAsync() => Page.InnerTextAsync("body");

    public async Task ScreenshotAsync(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        var docs = Path.Combine(RepoPaths.Root, "docs", "screenshots");
        Directory.CreateDirectory(docs);
        File.Copy(path, Path.Combine(docs, name + ".png"), overwrite: true);
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
