using System.CommandLine;
using Kubemate.Host.Load;

var deployments = new Option<int>("--deployments") { Description = "Deployments in the namespace to onboard", DefaultValueFactory = _ => 300 };
var rate = new Option<int>("--rate") { Description = "Requests per second of the mixed-read load", DefaultValueFactory = _ => 100 };
var duration = new Option<int>("--duration") { Description = "Seconds of mixed-read load", DefaultValueFactory = _ => 60 };
var embedded = new Option<bool>("--embedded") { Description = "Let serve run the sandbox in its own process (RSS then includes the sandbox)" };
var prometheus = new Option<string?>("--prometheus") { Description = "Pass --prometheus URL to serve, so its telemetry does not run the embedded scraping store (nothing needs to listen there)" };
string[] allPhases = ["onboarding", "status", "telemetry"];
var phases = new Option<string>("--phases")
{
    Description = $"Comma-separated phases to run, of {string.Join(", ", allPhases)} (without onboarding, the loads read the sandbox's own estate)",
    DefaultValueFactory = _ => string.Join(',', allPhases),
};
phases.Validators.Add(result =>
{
    var unknown = result.GetValueOrDefault<string>().Split(',', StringSplitOptions.TrimEntries).Where(p => !allPhases.Contains(p)).ToList();
    if (unknown.Count > 0)
    {
        result.AddError($"--phases: unknown phase(s) {string.Join(", ", unknown)}; known: {string.Join(", ", allPhases)}");
    }
});
var root = new RootCommand("Figures of `kubemate serve` on a sandbox: onboarding time, API latency under load, RSS")
{
    deployments, rate, duration, embedded, prometheus, phases,
};
root.SetAction(async (result, cancellationToken) =>
{
    await using var serve = await ServeProcess.StartAsync(!result.GetValue(embedded), result.GetValue(prometheus), cancellationToken);
    await using var harness = await LoadHarness.CreateAsync(serve, cancellationToken);
    Console.WriteLine($"{serve.Description} at {serve.Url}; rss of serve at ready {serve.ResidentMegabytes():F0} MB");

    var chosen = result.GetValue(phases)!.Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
    if (chosen.Contains("onboarding"))
    {
        var onboarding = await harness.OnboardAsync(result.GetValue(deployments), cancellationToken);
        Console.WriteLine($"onboarding: {onboarding.Deployments} deployments ({onboarding.Pods} pods) meshed in {onboarding.Elapsed.TotalSeconds:F1} s " +
            $"({onboarding.Events} events, setup {onboarding.Setup.TotalSeconds:F1} s not counted); rss after onboarding {serve.ResidentMegabytes():F0} MB");
    }

    foreach (var (phase, name, paths) in new[] { ("status", "mixed reads", LoadHarness.StatusReads), ("telemetry", "telemetry reads", LoadHarness.TelemetryReads) })
    {
        if (!chosen.Contains(phase))
        {
            continue;
        }
        var load = await harness.MixedReadsAsync(paths, result.GetValue(rate), TimeSpan.FromSeconds(result.GetValue(duration)), cancellationToken);
        Console.WriteLine($"{name}: {load.Requests} requests at {load.Rate}/s for {load.Duration.TotalSeconds:F0} s, {load.Errors} errors; " +
            $"latency p50 {load.P50:F1} ms, p95 {load.P95:F1} ms, p99 {load.P99:F1} ms, max {load.Max:F1} ms; rss after it {serve.ResidentMegabytes():F0} MB");
        Console.WriteLine("  by path: " + string.Join("; ", load.ByPath.Select(p => $"{p.Path} p99 {p.P99:F1} ms, max {p.Max:F1} ms")));
    }

    Console.WriteLine($"rss of kubemate serve after the load: {serve.ResidentMegabytes():F0} MB" +
        (serve.SandboxResidentMegabytes() is { } sandbox ? $" (the separate sandbox process: {sandbox:F0} MB)" : ""));
    return 0;
});
return await root.Parse(args).InvokeAsync();
