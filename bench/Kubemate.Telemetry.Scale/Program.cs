using System.CommandLine;
using System.Diagnostics;
using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Prometheus;
using Kubemate.Telemetry.Scale;

// Prints the telemetry figures (docs/telemetry-figures.md): topology build time over the embedded store, queries per
// topology request, and the embedded store's memory at 1 h retention. A harness, not a test: no assertions on time.
var workloadsOption = new Option<int>("--workloads") { Description = "Workloads in the synthetic estate", DefaultValueFactory = _ => 2000 };
var edgesOption = new Option<int>("--edges-per-workload") { Description = "Callees per workload (edges = workloads x this)", DefaultValueFactory = _ => 10 };
var namespacesOption = new Option<int>("--namespaces") { Description = "Namespaces the workloads spread over", DefaultValueFactory = _ => 100 };
var scrapesOption = new Option<int>("--scrapes") { Description = "Scrapes of every target before timing (10 s apart; 362 fills the 1 h retention)", DefaultValueFactory = _ => 9 };
var iterationsOption = new Option<int>("--iterations") { Description = "Timed topology builds", DefaultValueFactory = _ => 15 };
var root = new RootCommand("Kubemate telemetry scale harness") { workloadsOption, edgesOption, namespacesOption, scrapesOption, iterationsOption };
root.SetAction(async (result, cancellationToken) =>
{
    var estate = new SyntheticEstate(result.GetValue(workloadsOption), result.GetValue(edgesOption), result.GetValue(namespacesOption));
    var options = new EmbeddedStoreOptions { Mesh = SyntheticEstate.Linkerd, Retention = TimeSpan.FromHours(1), ScrapeInterval = TimeSpan.FromSeconds(10) };
    var scrapes = Math.Max(2, result.GetValue(scrapesOption));
    var start = DateTimeOffset.UtcNow - options.ScrapeInterval * scrapes;
    var before = GC.GetTotalMemory(forceFullCollection: true);
    EmbeddedStore? store = new EmbeddedStore(options);
    var fill = Stopwatch.StartNew();
    var inStore = TimeSpan.Zero;
    for (var i = 0; i < scrapes; i++)
    {
        inStore += estate.Scrape(store, start + options.ScrapeInterval * i, options.ScrapeInterval.TotalSeconds * i);
    }
    fill.Stop();
    var after = GC.GetTotalMemory(forceFullCollection: true);
    CountingBackend? counting = new CountingBackend(store);
    var clock = new FixedClock(start + options.ScrapeInterval * (scrapes - 1));
    TelemetryService? service = new TelemetryService(counting, options: new TelemetryOptions { Mesh = SyntheticEstate.Linkerd }, clock: clock);

    Console.WriteLine($"estate: {estate.Workloads} workloads, {estate.Edges} edges, {store.SeriesCount} series, {store.TargetCount} scrape targets");
    Console.WriteLine($"embedded store: {options.Capacity} samples per series at 1 h / {options.ScrapeInterval.TotalSeconds:0} s; values are stored as scrapes arrive; {scrapes} scrapes held now (--scrapes 362 for the full 1 h)");
    Console.WriteLine($"embedded store memory: {(after - before) / 1048576.0:F0} MiB measured (GC heap delta), {store.ApproximateBytes() / 1048576.0:F0} MiB estimated from array sizes");
    Console.WriteLine($"fill: {scrapes} scrapes in {fill.Elapsed.TotalSeconds:F1} s with building the samples; inside the store {inStore.TotalMilliseconds / scrapes:F0} ms per scrape of all targets");

    var first = await service.TopologyAsync(null, TelemetryWindow.OneMinute, cancellationToken);
    if (!first.HasValue)
    {
        Console.Error.WriteLine($"topology unavailable: {first.Unavailable!.Message}");
        return 1;
    }
    Console.WriteLine($"topology: {first.Value!.Nodes.Count} nodes, {first.Value.Edges.Count} edges");
    foreach (var scope in new[] { 0, 1, 3, 100 })
    {
        counting.Reset();
        IReadOnlyCollection<string>? namespaces = scope == 0 ? null : Enumerable.Range(0, scope).Select(i => $"ns-{i:D3}").ToList();
        await service.TopologyAsync(namespaces, TelemetryWindow.OneMinute, cancellationToken);
        Console.WriteLine($"queries per topology request ({(scope == 0 ? "whole cluster" : $"{scope} namespaces")}): {counting.Count}");
    }
    var iterations = result.GetValue(iterationsOption);
    Console.WriteLine(Timing("cluster-wide topology with golden metrics, embedded store evaluating", await TimeAsync(service, iterations, cancellationToken)));
    counting.Reset();
    await service.TopologyAsync(null, TelemetryWindow.OneMinute, cancellationToken);
    Console.WriteLine("  its queries: wall time within the request (queries run concurrently), then alone, one after another:");
    foreach (var (query, time, milliseconds, series) in counting.Timings.OrderByDescending(t => t.Milliseconds))
    {
        var alone = Stopwatch.StartNew();
        await store.QueryAsync(query, time, cancellationToken);
        Console.WriteLine($"  {milliseconds,6:F0} ms  {alone.Elapsed.TotalMilliseconds,6:F0} ms alone  {series,6} result series  {PromQl.Translate(query)}");
    }
    var recorder = new ReplayBackend(store!);
    var replay = new TelemetryService(recorder, options: new TelemetryOptions { Mesh = SyntheticEstate.Linkerd }, clock: clock);
    await replay.TopologyAsync(null, TelemetryWindow.OneMinute, cancellationToken);
    Console.WriteLine(Timing("cluster-wide topology, Kubemate's side only (query results given), store in the same heap", await TimeAsync(replay, iterations, cancellationToken)));
    recorder.Freeze();
    store = null;
    counting = null;
    service = null;
    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    Console.WriteLine(Timing("cluster-wide topology, Kubemate's side only (query results given), store released", await TimeAsync(replay, iterations, cancellationToken)));
    return 0;
});
return await root.Parse(args).InvokeAsync();

static async Task<List<double>> TimeAsync(TelemetryService service, int iterations, CancellationToken cancellationToken)
{
    var times = new List<double>();
    for (var i = 0; i < iterations; i++)
    {
        var watch = Stopwatch.StartNew();
        await service.TopologyAsync(null, TelemetryWindow.OneMinute, cancellationToken);
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return times;
}

static string Timing(string what, List<double> times) =>
    $"{what} ({times.Count} runs, {Environment.ProcessorCount} cores): p50 {times[times.Count / 2]:F0} ms, " +
    $"p95 {times[(int)Math.Min(times.Count - 1, Math.Ceiling(times.Count * 0.95) - 1)]:F0} ms, min {times[0]:F0} ms";

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
