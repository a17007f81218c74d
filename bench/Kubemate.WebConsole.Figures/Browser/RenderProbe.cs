using Microsoft.Playwright;

namespace Kubemate.WebConsole.Figures.Browser;

/// <summary>
/// Watches the topology page from navigation start, inside the page: every 10 ms it counts
/// <c>[data-testid=topology-node]</c> and notes, in <c>performance.now()</c> milliseconds (0 = navigation start), when
/// nodes were first shown (the prerendered HTML) and when they were shown with the live circuit (<c>window.Blazor</c>
/// and <c>[data-circuit-ready]</c>), and when the count last changed.
/// </summary>
internal static class RenderProbe
{
    public const string NodeSelector = "[data-testid=topology-node]";
    /// <summary>The control that switches a big estate's namespace view to every workload (the console's toggle item is <c>show-workloads</c>).</summary>
    public const string WorkloadViewSelector = "[data-testid=topology-view-workloads], [data-testid=show-workloads]";

    /// <summary>How long the node count must stay put before the graph counts as rendered.</summary>
    public const int StableMilliseconds = 200;

    /// <summary>The same for the workload view, longer in case it is drawn in more than one render batch.</summary>
    public const int WorkloadViewQuietMilliseconds = 500;

    public const string Script = """
        (() => {
          const probe = window.__kmFigures = { count: 0, changedAt: 0, firstNodesAt: null, interactiveAt: null };
          const tick = () => {
            const now = performance.now();
            const count = document.querySelectorAll('[data-testid=topology-node]').length;
            if (count !== probe.count) { probe.count = count; probe.changedAt = now; }
            if (count > 0 && probe.firstNodesAt === null) probe.firstNodesAt = now;
            if (count > 0 && probe.interactiveAt === null && window.Blazor !== undefined && document.querySelector('[data-circuit-ready]') !== null) probe.interactiveAt = now;
          };
          setInterval(tick, 10);
          document.addEventListener('readystatechange', tick);
        })();
        """;

    private static readonly string Rendered =
        $"() => {{ const p = window.__kmFigures; return p && p.interactiveAt !== null && p.count > 0 && performance.now() - p.changedAt >= {StableMilliseconds} ? [p.count, p.changedAt, p.firstNodesAt, p.interactiveAt] : null; }}";

    /// <summary>Waits until the page is interactive with nodes and their count has been stable; gives the probe's readings.</summary>
    public static async Task<ProbeReading> WaitForRenderedAsync(IPage page, TimeSpan timeout)
    {
        var handle = await page.WaitForFunctionAsync(Rendered, null, new PageWaitForFunctionOptions { Timeout = (float)timeout.TotalMilliseconds, PollingInterval = 50 });
        var values = (await handle.JsonValueAsync<double[]>())!;
        return new ProbeReading((int)values[0], values[1], values[2], values[3]);
    }

    /// <summary>Whether the page has a workload-view toggle that is not on: the default view is the namespace view.</summary>
    public static Task<bool> OffersWorkloadViewAsync(IPage page) => page.EvaluateAsync<bool>($$"""
        () => {
          const toggle = document.querySelector('{{WorkloadViewSelector}}');
          return toggle !== null && toggle.closest('[disabled]') === null
            && toggle.getAttribute('aria-checked') !== 'true' && toggle.getAttribute('aria-pressed') !== 'true';
        }
        """);

    /// <summary>
    /// Clicks the workload-view toggle if the page has one enabled and it is not on already; the reading once the node
    /// count changed and settled, <see cref="WorkloadViewReading.AlreadyShown"/> when the default view is the workload
    /// view, or null without an enabled toggle.
    /// </summary>
    public static async Task<WorkloadViewReading?> SwitchToWorkloadsAsync(IPage page, TimeSpan timeout)
    {
        var before = await page.EvaluateAsync<double[]?>($$"""
            () => {
              const toggle = document.querySelector('{{WorkloadViewSelector}}');
              // No toggle, or one the console disables (too many workloads to draw one by one): no workload view to time.
              if (!toggle || toggle.closest('[disabled]') !== null) return null;
              if (toggle.getAttribute('aria-checked') === 'true' || toggle.getAttribute('aria-pressed') === 'true') return [];
              const probe = window.__kmFigures;
              const reading = [performance.now(), probe.count];
              probe.clickAt = reading[0];
              probe.countBefore = probe.count;
              toggle.click();
              return reading;
            }
            """);
        if (before is null)
        {
            return null;
        }
        if (before.Length == 0)
        {
            return WorkloadViewReading.AlreadyShown;
        }
        // Settled: the count moved off its old value and then stayed put (a view drawn in pieces would move again).
        var handle = await page.WaitForFunctionAsync($$"""
            () => {
              const p = window.__kmFigures;
              const quiet = performance.now() - p.changedAt >= {{WorkloadViewQuietMilliseconds}};
              return p.count !== p.countBefore && p.changedAt > p.clickAt && quiet ? [p.changedAt - p.clickAt, p.count] : null;
            }
            """, null, new PageWaitForFunctionOptions { Timeout = (float)timeout.TotalMilliseconds, PollingInterval = 50 });
        var after = (await handle.JsonValueAsync<double[]>())!;
        return new WorkloadViewReading(after[0], (int)before[1], (int)after[1]);
    }
}

/// <summary>The probe's readings, in milliseconds after navigation start.</summary>
internal sealed record ProbeReading(int Count, double ChangedAt, double FirstNodesAt, double InteractiveAt);

/// <summary>The workload view: milliseconds from the click until the node count last changed, and the counts before and after.</summary>
internal sealed record WorkloadViewReading(double Milliseconds, int NodesBefore, int NodesAfter)
{
    public static readonly WorkloadViewReading AlreadyShown = new(0, 0, 0);
}
