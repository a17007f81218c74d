using System.CommandLine;
using Kubemate.Sandbox;
using Kubemate.Sandbox.Simulation;
using Kubemate.WebConsole.Figures.Browser;
using Kubemate.WebConsole.Figures.Hosting;
using Kubemate.WebConsole.Figures.Measuring;
using Kubemate.WebConsole.Figures.Synthetic;

// Prints the console's figures (docs/console-figures.md): the topology page's first render in headless Chromium for
// the demo estate and a synthetic one, and the server's memory per open console session. A harness, not a test: it
// asserts nothing about time.
var workloadsOption = new Option<int>("--workloads") { Description = "Workloads in the synthetic estate", DefaultValueFactory = _ => 2000 };
var edgesOption = new Option<int>("--edges-per-workload") { Description = "Callees per synthetic workload (edges = workloads x this)", DefaultValueFactory = _ => 10 };
var namespacesOption = new Option<int>("--namespaces") { Description = "Namespaces the synthetic workloads spread over", DefaultValueFactory = _ => 100 };
var scrapesOption = new Option<int>("--scrapes") { Description = "Synthetic scrapes, 10 s apart, the last at start-up (the 1m window needs at least 2)", DefaultValueFactory = _ => 9 };
var sessionsOption = new Option<int>("--sessions") { Description = "Console sessions held open for the memory figures", DefaultValueFactory = _ => 10 };
var workloadViewSessionsOption = new Option<int>("--workload-view-sessions")
{
    Description = "Sessions held open on the full workload view of a big estate (each redraws every workload every 10 s)",
    DefaultValueFactory = _ => 3,
};
var runsOption = new Option<int>("--runs") { Description = "Timed navigations to the topology page per estate", DefaultValueFactory = _ => 5 };
var estateOption = new Option<string>("--estate") { Description = "demo, synthetic or both", DefaultValueFactory = _ => "both" };
var timeoutOption = new Option<int>("--timeout") { Description = "Seconds to wait for one page to render", DefaultValueFactory = _ => 300 };
var retentionOption = new Option<int>("--retention-wait")
{
    Description = "Seconds to wait, after closing the sessions, for the server to drop their circuits (Blazor keeps a disconnected one 3 min by default)",
    DefaultValueFactory = _ => 240,
};
var root = new RootCommand("Kubemate web console figures: topology first render and server memory per console session")
{
    workloadsOption, edgesOption, namespacesOption, scrapesOption, sessionsOption, workloadViewSessionsOption, runsOption, estateOption, timeoutOption, retentionOption,
};
root.SetAction(async (result, cancellationToken) =>
{
    var errors = Errors(result).ToList();
    if (errors.Count > 0)
    {
        errors.ForEach(Console.Error.WriteLine);
        return 1;
    }
    var estate = result.GetValue(estateOption)!;
    var sessions = result.GetValue(sessionsOption);
    var workloadViewSessions = result.GetValue(workloadViewSessionsOption);
    var runs = result.GetValue(runsOption);
    var timeout = TimeSpan.FromSeconds(result.GetValue(timeoutOption));
    var retentionWait = TimeSpan.FromSeconds(result.GetValue(retentionOption));
    var output = Console.Out;
    var scratch = Directory.CreateTempSubdirectory("kubemate-console-figures-");
    try
    {
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; GC: workstation, " +
            $"concurrent {System.Runtime.GCSettings.LatencyMode != System.Runtime.GCLatencyMode.Batch}, conserve-memory as kubemate serve");
        await using var sandbox = await SandboxSimulation.StartAsync(new SandboxOptions(), new SimulationOptions { SeedDemoEstate = true }, cancellationToken: cancellationToken);
        await using var chromium = await Chromium.LaunchAsync();
        if (estate is "demo" or "both")
        {
            await using var host = await ConsoleHost.StartAsync(sandbox, Path.Combine(scratch.FullName, "demo-audit.db"), null, cancellationToken);
            output.WriteLine($"[demo] console at {host.Url}, sandbox at {sandbox.Url}, simulated traffic scraped by the embedded store");
            await MeasureAsync("demo", host, expectedWorkloads: null);
        }
        if (estate is "synthetic" or "both")
        {
            var synthetic = SyntheticTelemetry.Fill(result.GetValue(workloadsOption), result.GetValue(edgesOption), result.GetValue(namespacesOption), result.GetValue(scrapesOption));
            await using var host = await ConsoleHost.StartAsync(sandbox, Path.Combine(scratch.FullName, "synthetic-audit.db"), synthetic, cancellationToken);
            output.WriteLine($"[synthetic] console at {host.Url}: {synthetic.Workloads} workloads, {synthetic.Edges} edges, {synthetic.Store.SeriesCount} series " +
                $"in the embedded store ({result.GetValue(scrapesOption)} scrapes, clock held at the last)");
            await MeasureAsync("synthetic", host, synthetic.Workloads);
        }
        return 0;

        async Task MeasureAsync(string label, ConsoleHost host, int? expectedWorkloads)
        {
            var firstRender = new FirstRenderRuns(chromium, host.Url, timeout, output);
            var namespaceView = await firstRender.WarmUpAsync(label);
            var memory = new SessionMemory(chromium, host, timeout, retentionWait, output);
            // Memory first, on a host no big render has passed through yet: the workload view leaves pooled buffers
            // behind for a minute or more, which would spoil a baseline; so it goes last of the memory figures, after
            // the dropped topology sessions' retention wait. Overview and workload-view sessions end as closed tabs;
            // the default topology ones are dropped, to show what a lost connection keeps.
            await memory.MeasureAsync(label, SessionMemory.Overview, sessions, drop: false);
            await memory.MeasureAsync(label, SessionMemory.Topology, sessions, drop: true);
            if (namespaceView)
            {
                await memory.MeasureAsync(label, SessionMemory.TopologyWorkloads, workloadViewSessions, drop: false);
            }
            await firstRender.MeasureAsync(label, runs, expectedWorkloads);
        }
    }
    finally
    {
        scratch.Delete(recursive: true);
    }
});
return await root.Parse(args).InvokeAsync();

IEnumerable<string> Errors(ParseResult result)
{
    foreach (var option in new[] { workloadsOption, edgesOption, namespacesOption, sessionsOption, workloadViewSessionsOption, runsOption, timeoutOption })
    {
        if (result.GetValue(option) < 1)
        {
            yield return $"{option.Name}: must be at least 1";
        }
    }
    if (result.GetValue(scrapesOption) < 2)
    {
        yield return $"{scrapesOption.Name}: must be at least 2 (a rate needs two samples in the 1m window)";
    }
    if (result.GetValue(edgesOption) >= result.GetValue(workloadsOption))
    {
        yield return $"{edgesOption.Name}: must be less than {workloadsOption.Name}";
    }
    if (result.GetValue(retentionOption) < 0)
    {
        yield return $"{retentionOption.Name}: must not be negative";
    }
    if (result.GetValue(estateOption) is not ("demo" or "synthetic" or "both"))
    {
        yield return $"{estateOption.Name}: \"{result.GetValue(estateOption)}\" is not one of demo, synthetic, both";
    }
}
