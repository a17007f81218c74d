using System.CommandLine;
using System.Diagnostics;
using Kubemate.Application.Canary.Resource;
using Kubemate.Canary.Figures;
using Kubemate.Sandbox.Simulation.Traffic;

var runs = new Option<int>("--runs") { Description = "Runs of each timed figure (fault to stable, low-traffic releases)", DefaultValueFactory = _ => 20 };
var releases = new Option<int>("--releases") { Description = "Releases in flight for the controller's CPU and memory", DefaultValueFactory = _ => 50 };
var scrape = new Option<int>("--scrape-seconds") { Description = "The embedded store's scrape interval (serve's default is 10)", DefaultValueFactory = _ => 10 };
string[] allPhases = ["rollback", "low-traffic", "load"];
var phases = new Option<string>("--phases") { Description = $"Comma-separated phases, of {string.Join(", ", allPhases)}", DefaultValueFactory = _ => string.Join(',', allPhases) };
var root = new RootCommand("Figures of canary releases: time from a fault to all traffic on stable, false rollbacks at 0.2 requests/s, the controller's CPU and memory")
{
    runs, releases, scrape, phases,
};
root.SetAction(async (result, cancellationToken) =>
{
    var chosen = result.GetValue(phases)!.Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
    var unknown = chosen.Except(allPhases).ToList();
    if (unknown.Count > 0)
    {
        Console.Error.WriteLine($"--phases: unknown phase(s) {string.Join(", ", unknown)}; known: {string.Join(", ", allPhases)}");
        return 2;
    }
    var interval = TimeSpan.FromSeconds(result.GetValue(scrape));
    await using var lab = await CanaryLab.StartAsync(interval, cancellationToken);
    Console.WriteLine($"sandbox process up; embedded store scrapes every {interval.TotalSeconds:F0} s; controller round 1 s");
    if (chosen.Contains("rollback"))
    {
        await RollbackFigures.RunAsync(lab, result.GetValue(runs), interval, cancellationToken);
    }
    if (chosen.Contains("low-traffic"))
    {
        await LowTrafficFigures.RunAsync(lab, result.GetValue(runs), cancellationToken);
    }
    if (chosen.Contains("load"))
    {
        await LoadFigures.RunAsync(lab, result.GetValue(releases), cancellationToken);
    }
    return 0;
});
return await root.Parse(args).InvokeAsync();

internal static class Analysis
{
    /// <summary>The analysis the figures use: a check every 2 s over two scrapes' worth of window.</summary>
    public static AnalysisSpec For(TimeSpan scrape, int minRequests) => new()
    {
        Interval = "2s",
        Window = $"{(int)Math.Max(10, scrape.TotalSeconds * 2)}s",
        MinRequests = minRequests,
        FailedChecks = 2,
        SuccessRate = new(Min: 0.99),
    };

    public static string Percentiles(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return $"median {At(0.5):F1} s, p95 {At(0.95):F1} s, min {sorted[0]:F1} s, max {sorted[^1]:F1} s";
    }
}

/// <summary>
/// Each run: a fresh canary version (so no earlier run's errors sit in its window), a progressive release at 10 %,
/// a random wait, then the canary answers 5 % of its requests with 500; timed from the fault until the HTTPRoute
/// sends nothing to the canary.
/// </summary>
internal static class RollbackFigures
{
    public static async Task RunAsync(CanaryLab lab, int runs, TimeSpan scrape, CancellationToken cancellationToken)
    {
        var random = new Random(7);
        var times = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var version = $"v{run + 1}";
            var canary = $"orders-{version}";
            await lab.DeployCanaryAsync(version, cancellationToken);
            await lab.CreateAsync("orders", new CanaryReleaseSpec
            {
                Service = "orders",
                Stable = "orders-v1",
                Canary = canary,
                Mode = ReleaseMode.Progressive,
                Steps = [new ReleaseStep { Weight = 10, Pause = "1h" }],
                Analysis = Analysis.For(scrape, minRequests: 5),
            }, cancellationToken);
            await CanaryLab.UntilAsync(async () => await lab.CanaryWeightAsync("orders", canary, cancellationToken) == 10, TimeSpan.FromMinutes(2), cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(5 + random.NextDouble() * 10), cancellationToken);
            var fault = new TrafficFault("orders", "figures-5xx", "orders", Version: version, ErrorRate: 0.05);
            await lab.FaultAsync(fault, cancellationToken);
            var clock = Stopwatch.StartNew();
            await CanaryLab.UntilAsync(async () => await lab.CanaryWeightAsync("orders", canary, cancellationToken) == 0, TimeSpan.FromMinutes(5), cancellationToken);
            times.Add(clock.Elapsed.TotalSeconds);
            var release = await lab.ReleaseAsync("orders", cancellationToken);
            Console.WriteLine($"  run {run}: {clock.Elapsed.TotalSeconds:F1} s to all traffic on stable ({release?.Status.Phase}: {release?.Status.Message})");
            await lab.ClearFaultAsync(fault, cancellationToken);
            await lab.DeleteReleaseAsync("orders", cancellationToken);
        }
        Console.WriteLine($"fault to 100 % stable over {runs} runs: {Analysis.Percentiles(times)}");
    }
}

/// <summary>Healthy canaries with orders at 0.2 requests/s: each release must complete; any rollback or failure is a false one.</summary>
internal static class LowTrafficFigures
{
    public static async Task RunAsync(CanaryLab lab, int runs, CancellationToken cancellationToken)
    {
        var low = TrafficScenarios.Find("orders-low-traffic")!.Fault;
        await lab.FaultAsync(low, cancellationToken);
        var version = "v90";
        await lab.DeployCanaryAsync(version, cancellationToken);
        var (succeeded, falseRollbacks, times) = (0, 0, new List<double>());
        for (var run = 1; run <= runs; run++)
        {
            var name = $"quiet-{run}";
            var clock = Stopwatch.StartNew();
            await lab.CreateAsync(name, new CanaryReleaseSpec
            {
                Service = "orders",
                Stable = "orders-v1",
                Canary = $"orders-{version}",
                Mode = ReleaseMode.Progressive,
                Steps = [new ReleaseStep { Weight = 50, Pause = "5s" }],
                Analysis = Analysis.For(TimeSpan.FromSeconds(10), minRequests: 3),
            }, cancellationToken);
            CanaryReleaseObject? release = null;
            await CanaryLab.UntilAsync(async () =>
            {
                release = await lab.ReleaseAsync(name, cancellationToken);
                return release?.Status.Phase is ReleasePhase.Succeeded or ReleasePhase.RolledBack or ReleasePhase.Failed;
            }, TimeSpan.FromMinutes(10), cancellationToken);
            times.Add(clock.Elapsed.TotalSeconds);
            if (release!.Status.Phase == ReleasePhase.Succeeded)
            {
                succeeded++;
            }
            else
            {
                falseRollbacks++;
            }
            var held = release.Status.History.Count(c => c.Verdict == Verdict.NotEnoughRequests);
            Console.WriteLine($"  run {run}: {release.Status.Phase} in {clock.Elapsed.TotalSeconds:F0} s, held {held} checks for lack of requests");
            await lab.DeleteReleaseAsync(name, cancellationToken);
        }
        await lab.ClearFaultAsync(low, cancellationToken);
        Console.WriteLine($"healthy canaries at 0.2 requests/s: {succeeded} of {runs} completed, {falseRollbacks} false rollbacks; time to complete {Analysis.Percentiles(times)}");
    }
}

/// <summary>The controller's cost with many releases in flight: CPU seconds and memory of this process over a minute, against a minute with none.</summary>
internal static class LoadFigures
{
    public static async Task RunAsync(CanaryLab lab, int count, CancellationToken cancellationToken)
    {
        var idle = await MeasureAsync(lab, cancellationToken);
        Console.WriteLine($"no releases: {idle.Cpu:F2} CPU-s per minute, {idle.Rss:F0} MB resident");
        await lab.DeployCanaryAsync("v91", cancellationToken);
        for (var i = 0; i < count; i++)
        {
            await lab.CreateAsync($"load-{i}", new CanaryReleaseSpec
            {
                Service = "orders",
                Stable = "orders-v1",
                Canary = "orders-v91",
                Mode = ReleaseMode.Manual,
                Weight = 0,
                Analysis = Analysis.For(TimeSpan.FromSeconds(10), minRequests: 5),
            }, cancellationToken);
        }
        await CanaryLab.UntilAsync(async () =>
        {
            var running = 0;
            for (var i = 0; i < count; i++)
            {
                running += (await lab.ReleaseAsync($"load-{i}", cancellationToken))?.Status.Phase == ReleasePhase.Progressing ? 1 : 0;
            }
            return running == count;
        }, TimeSpan.FromMinutes(5), cancellationToken);
        var busy = await MeasureAsync(lab, cancellationToken);
        Console.WriteLine($"{count} releases in flight: {busy.Cpu:F2} CPU-s per minute ({(busy.Cpu - idle.Cpu) / 60 * 100:F1} % of one core above idle), {busy.Rss:F0} MB resident (+{busy.Rss - idle.Rss:F0} MB); {lab.Controller.LeaderRounds} rounds so far");
        for (var i = 0; i < count; i++)
        {
            await lab.DeleteReleaseAsync($"load-{i}", cancellationToken);
        }
    }

    private static async Task<(double Cpu, double Rss)> MeasureAsync(CanaryLab lab, CancellationToken cancellationToken)
    {
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        await Task.Delay(TimeSpan.FromMinutes(1), cancellationToken);
        process.Refresh();
        return ((process.TotalProcessorTime - before).TotalSeconds, lab.ResidentMegabytes());
    }
}
