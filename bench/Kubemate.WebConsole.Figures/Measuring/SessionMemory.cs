using Kubemate.WebConsole.Figures.Browser;
using Kubemate.WebConsole.Figures.Hosting;
using Microsoft.Playwright;

namespace Kubemate.WebConsole.Figures.Measuring;

/// <summary>
/// Server memory per open console session: full GC and a reading, N signed-in profiles each on a page and rendered,
/// full GC and a reading; then the tabs are closed and the server is read again, right away and once it has let go of
/// every circuit (a circuit whose connection dropped without a goodbye is kept for DisconnectedCircuitRetentionPeriod).
/// </summary>
internal sealed class SessionMemory(Chromium chromium, ConsoleHost host, TimeSpan timeout, TimeSpan retentionWait, TextWriter output)
{
    public static readonly ConsolePage Topology = new("topology", "/topology", RenderProbe.WaitForRenderedAsync);

    /// <summary>The topology page switched to every workload when it opened as the namespace view (a big estate).</summary>
    public static readonly ConsolePage TopologyWorkloads = new("topology, workload view", "/topology", async (page, timeout) =>
    {
        await RenderProbe.WaitForRenderedAsync(page, timeout);
        await RenderProbe.SwitchToWorkloadsAsync(page, timeout);
    });

    public static readonly ConsolePage Overview = new("overview", "/overview", async (page, timeout) =>
    {
        _ = await page.WaitForFunctionAsync(
            "() => window.Blazor !== undefined && document.querySelector('[data-circuit-ready]') !== null && document.querySelector('[data-testid=meshed-workloads], [data-testid=telemetry-unavailable]') !== null",
            null, new PageWaitForFunctionOptions { Timeout = (float)timeout.TotalMilliseconds, PollingInterval = 50 });
    });

    /// <summary>Holds <paramref name="sessions"/> sessions on the page, then closes them as users do, or drops them (<paramref name="drop"/>).</summary>
    public async Task MeasureAsync(string label, ConsolePage consolePage, int sessions, bool drop)
    {
        await WaitForNoCircuitsAsync(label);
        var before = await ServerMemory.ReadSettledAsync();
        var tabs = new List<ConsoleTab>();
        try
        {
            for (var i = 0; i < sessions; i++)
            {
                var tab = await chromium.SignInAsync(host.Url, DemoUser.Name, DemoUser.Password, consolePage.Path);
                tabs.Add(tab);
                await consolePage.WaitForRenderedAsync(tab.Page, timeout);
            }
            var open = await ServerMemory.ReadSettledAsync();
            output.WriteLine($"[{label}] {consolePage.Name}, {sessions} sessions open ({host.Circuits}): before {before}; with them {open}");
            output.WriteLine($"[{label}]   per session: managed heap {Units.MiB((open.ManagedBytes - before.ManagedBytes) / (double)sessions)}, " +
                $"RSS {Units.MiB((open.ResidentBytes - before.ResidentBytes) / (double)sessions)}");
        }
        finally
        {
            foreach (var tab in tabs)
            {
                if (drop)
                {
                    await tab.DropAsync();
                }
                await tab.DisposeAsync();
            }
        }
        var closed = ServerMemory.Read();
        output.WriteLine($"[{label}]   {(drop ? "browser profiles dropped without unload" : "tabs closed (unload ran)")}, right away ({host.Circuits}): {closed}; heap above the start {Units.MiB(closed.ManagedBytes - before.ManagedBytes)}");
        var waited = await WaitForNoCircuitsAsync(label);
        var released = await ServerMemory.ReadSettledAsync();
        output.WriteLine($"[{label}]   {(waited ? "once the server held no circuits" : "a little later")}: {released}; heap above the start {Units.MiB(released.ManagedBytes - before.ManagedBytes)}");
    }

    /// <summary>True when it had to wait: circuits were still held when asked.</summary>
    private async Task<bool> WaitForNoCircuitsAsync(string label)
    {
        if (host.Circuits.Held <= 0)
        {
            return false;
        }
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (host.Circuits.Held > 0 && waited.Elapsed < retentionWait)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        output.WriteLine($"[{label}]   waited {waited.Elapsed.TotalSeconds:F0} s for the server to let go of circuits: {host.Circuits}");
        return true;
    }
}

/// <summary>A console page to hold sessions on, and how to know it has rendered.</summary>
internal sealed record ConsolePage(string Name, string Path, Func<IPage, TimeSpan, Task> WaitForRenderedAsync);
