using Kubemate.WebConsole.Figures.Browser;
using Microsoft.Playwright;

namespace Kubemate.WebConsole.Figures.Measuring;

/// <summary>
/// The topology page's first render, several fresh navigations in one signed-in tab: from navigation start to nodes
/// first shown and to interactive with nodes, the page's HTML, what the circuit sent until the graph settled and, when
/// the page has a workload-view toggle, the full workload view after clicking it.
/// </summary>
internal sealed class FirstRenderRuns(Chromium chromium, Uri url, TimeSpan timeout, TextWriter output)
{
    private const string Path = "/topology";

    /// <summary>
    /// Loads the page until the graph's node count is the same on two loads a scrape interval apart (the demo
    /// estate's telemetry fills in over the first scrapes after start: the 1m window needs two samples per series);
    /// true when the default view is the namespace view, with a toggle to every workload.
    /// </summary>
    public async Task<bool> WarmUpAsync(string label)
    {
        await using var tab = await chromium.SignInAsync(url, DemoUser.Name, DemoUser.Password, Path);
        var count = (await RenderProbe.WaitForRenderedAsync(tab.Page, timeout)).Count;
        for (var attempt = 0; attempt < 12; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            await tab.Page.GotoAsync(Path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = (float)timeout.TotalMilliseconds });
            var again = (await RenderProbe.WaitForRenderedAsync(tab.Page, timeout)).Count;
            if (again == count)
            {
                break;
            }
            count = again;
        }
        var namespaceView = await RenderProbe.OffersWorkloadViewAsync(tab.Page);
        var capped = await tab.Page.Locator("[data-testid=topology-too-many-workloads]").CountAsync() > 0;
        output.WriteLine($"[{label}] topology ready: {count} nodes in the default view, " +
            (capped ? "the namespace view (too many workloads across namespaces to offer the workload view)"
                : namespaceView ? "the namespace view (a toggle shows every workload)" : "the workload view"));
        return namespaceView;
    }

    public async Task MeasureAsync(string label, int runs, int? expectedWorkloads)
    {
        await using var tab = await chromium.SignInAsync(url, DemoUser.Name, DemoUser.Password, Path);
        await RenderProbe.WaitForRenderedAsync(tab.Page, timeout);
        var samples = new List<Sample>();
        for (var i = 0; i < runs; i++)
        {
            tab.ResetTraffic();
            var response = await tab.Page.GotoAsync(Path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = (float)timeout.TotalMilliseconds });
            var reading = await RenderProbe.WaitForRenderedAsync(tab.Page, timeout);
            var html = response is null ? 0 : (await response.BodyAsync()).Length;
            var traffic = tab.Traffic;
            tab.ResetTraffic();
            var view = await RenderProbe.SwitchToWorkloadsAsync(tab.Page, timeout);
            samples.Add(new Sample(reading, html, traffic, view, view is null ? null : tab.Traffic));
        }
        Print(label, samples, expectedWorkloads);
    }

    private void Print(string label, List<Sample> samples, int? expectedWorkloads)
    {
        output.WriteLine($"[{label}] topology first render, {samples.Count} fresh navigations, ms after navigation start:");
        output.WriteLine($"[{label}]   nodes first shown (prerendered HTML): {Units.Spread(samples.Select(s => s.Reading.FirstNodesAt), Units.Ms)}");
        output.WriteLine($"[{label}]   interactive with nodes (circuit live): {Units.Spread(samples.Select(s => s.Reading.InteractiveAt), Units.Ms)}");
        output.WriteLine($"[{label}]   node count settled: {Units.Spread(samples.Select(s => s.Reading.ChangedAt), Units.Ms)}; nodes shown: {string.Join(", ", samples.Select(s => s.Reading.Count).Distinct())}");
        output.WriteLine($"[{label}]   page HTML: {Units.Spread(samples.Select(s => (double)s.HtmlBytes), Units.KiB)}");
        output.WriteLine($"[{label}]   circuit websocket until settled: received {Units.Spread(samples.Select(s => (double)s.Traffic.ReceivedBytes), Units.KiB)} " +
            $"in {Units.Spread(samples.Select(s => (double)s.Traffic.FramesReceived), v => v.ToString("F0"))} frames; sent {Units.Spread(samples.Select(s => (double)s.Traffic.SentBytes), Units.KiB)}");
        if (samples.All(s => s.View is null))
        {
            output.WriteLine($"[{label}]   workload view: not offered (no enabled {RenderProbe.WorkloadViewSelector}): the default view above is what users get");
            return;
        }
        var views = samples.Where(s => s.View is not null && s.View != WorkloadViewReading.AlreadyShown).ToList();
        if (views.Count == 0)
        {
            output.WriteLine($"[{label}]   workload view: the toggle is already on; the default view above is the workload view");
            return;
        }
        var expected = expectedWorkloads is { } w ? $" (estate: {w} workloads)" : "";
        output.WriteLine($"[{label}]   workload view after the toggle, ms from click until the node count settled: {Units.Spread(views.Select(s => s.View!.Milliseconds), Units.Ms)}; " +
            $"nodes {string.Join(", ", views.Select(s => $"{s.View!.NodesBefore} -> {s.View.NodesAfter}").Distinct())}{expected}");
        output.WriteLine($"[{label}]   circuit websocket for the workload view: received {Units.Spread(views.Select(s => (double)s.ViewTraffic!.ReceivedBytes), Units.KiB)}");
    }

    private sealed record Sample(ProbeReading Reading, int HtmlBytes, CircuitTraffic Traffic, WorkloadViewReading? View, CircuitTraffic? ViewTraffic);
}
