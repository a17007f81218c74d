using Kubemate.WebConsole.E2E.Browser;
using Kubemate.WebConsole.E2E.Hosting;

namespace Kubemate.WebConsole.E2E;

/// <summary>One Kubemate host with the console on the demo estate, and one headless Chromium, for all console tests.</summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public IConsoleHost Host { get; private set; } = null!;

    public ConsoleBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var work = Path.Combine(Path.GetTempPath(), "kubemate-console-e2e-" + Guid.NewGuid().ToString("n")[..8]);
        Host = await ServeProcess.StartAsync(work);
        Browser = await ConsoleBrowser.LaunchAsync();
    }

    public Task<ConsolePage> OpenAsync(string locale = "en-US") => Browser.OpenAsync(Host.Url, locale);

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
