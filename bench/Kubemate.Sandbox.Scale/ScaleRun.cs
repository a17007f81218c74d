using System.Diagnostics;

namespace Kubemate.Sandbox.Scale;

/// <summary>
/// The whole harness: a loaded sandbox (pods, kubectl, watches, memory), then a demo-estate sandbox (idle memory).
/// Every process it starts is stopped before it returns.
/// </summary>
public sealed class ScaleRun(ScaleOptions options, TextWriter output)
{
    private const double Megabyte = 1_000_000;

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken)
    {
        var work = Path.Combine(Path.GetTempPath(), "kubemate-scale", Guid.NewGuid().ToString("n"));
        var figures = new List<Figure>();
        try
        {
            await MeasureLoadedSandboxAsync(Path.Combine(work, "loaded"), figures, cancellationToken);
            await MeasureDemoSandboxAsync(Path.Combine(work, "demo"), figures, cancellationToken);
            return figures;
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private async Task MeasureLoadedSandboxAsync(string work, List<Figure> figures, CancellationToken cancellationToken)
    {
        Say($"phase 1: empty sandbox loaded with pods; {LoadAverage()}");
        await using var sandbox = await SandboxProcess.StartAsync(work, empty: true, cancellationToken);
        Say($"  started: {sandbox.CommandLine} (pid {sandbox.ProcessId}) at {sandbox.Url}");
        using var cluster = await SandboxCluster.ConnectAsync(sandbox.Kubeconfig);
        await cluster.WaitUntilIdleAsync(TimeSpan.FromSeconds(2), options.PhaseDeadline, Progress, cancellationToken);
        var emptyRss = sandbox.ResidentBytes();
        Say($"  RSS empty and idle: {Memory(emptyRss)}");

        var pods = new ScalePods(options.Pods, options.Namespaces, preBound: !options.Unbound);
        var placement = options.Unbound ? "unbound: the simulated scheduler places them" : "pre-bound to the simulated nodes";
        var load = await PodLoader.LoadAsync(cluster.Client, pods, options.LoadParallelism, new SynchronousProgress<int>(n => Say($"  created {n} pods")), cancellationToken);
        Say($"  created {options.Pods} pods ({placement}) in {options.Namespaces} namespaces in {load.TotalSeconds:0.0} s ({options.Pods / load.TotalSeconds:0} pods/s, {options.LoadParallelism} in flight)");
        figures.Add(new Figure($"create {options.Pods} pods via API ({options.LoadParallelism} in flight, {(options.Unbound ? "unbound" : "pre-bound")})", $"{load.TotalSeconds:0.0} s ({options.Pods / load.TotalSeconds:0}/s)"));
        string settled;
        try
        {
            var settle = await cluster.WaitUntilIdleAsync(options.QuietPeriod, options.SettleDeadline, Progress, cancellationToken);
            settled = $"{settle.TotalSeconds:0} s (incl. {options.QuietPeriod.TotalSeconds:0} s quiet)";
        }
        catch (TimeoutException ex)
        {
            settled = $"NOT settled after {options.SettleDeadline.TotalSeconds:0} s; measured anyway";
            Say("  " + ex.Message + "; measuring anyway");
        }
        var total = await cluster.CountPodsAsync(null, cancellationToken);
        var running = await cluster.CountPodsAsync("status.phase=Running", cancellationToken);
        Say($"  settled: {settled}; {running}/{total} pods Running; {LoadAverage()}");
        figures.Add(new Figure("  controllers settle all pods Running after the last create", settled));
        var loadedRss = sandbox.ResidentBytes();
        Say($"  RSS loaded and idle: {Memory(loadedRss)}");

        await TimeKubectlAsync(sandbox, Path.Combine(work, "kubectl-cache"), total, figures, cancellationToken);

        Say($"  watch: {options.Watchers} watchers, {options.Events} writes at {options.WriteRate}/s");
        var watch = await new WatchLatencyProbe(cluster, pods, options).RunAsync(cancellationToken);
        Say($"  write phase took {watch.WritePhase.TotalSeconds:0.0} s; deliveries {watch.Received}/{watch.Expected}, {watch.ArrivedBeforeAck} read before their write's response");
        Say($"  delay from ack:  {watch.FromAck}");
        Say($"  delay from send: {watch.FromSend}");
        Say($"  write round trip: {watch.WriteRoundTrip}");
        foreach (var failure in watch.WatcherFailures)
        {
            Say($"  watch failure: {failure}");
        }
        var complete = watch.Received == watch.Expected;
        figures.Add(new Figure(
            $"watch delivery p99, {options.Watchers} watchers (ack -> event)",
            watch.FromAck.Count == 0 ? "no deliveries" : Distribution.Ms(watch.FromAck.P99),
            "< 50 ms",
            complete && watch.FromAck.Count > 0 && watch.FromAck.P99 < 50));
        if (watch.FromAck.Count > 0)
        {
            figures.Add(new Figure("  watch delivery p50 / p95 / max (ack -> event)", $"{Distribution.Ms(watch.FromAck.P50)} / {Distribution.Ms(watch.FromAck.P95)} / {Distribution.Ms(watch.FromAck.Max)}"));
            figures.Add(new Figure("  watch delivery p50 / p99 (send -> event)", $"{Distribution.Ms(watch.FromSend.P50)} / {Distribution.Ms(watch.FromSend.P99)}"));
        }
        figures.Add(new Figure("  watch deliveries received / expected", $"{watch.Received} / {watch.Expected}"));
        figures.Add(new Figure("  patch round trip p50 / p99 during watch", $"{Distribution.Ms(watch.WriteRoundTrip.P50)} / {Distribution.Ms(watch.WriteRoundTrip.P99)}"));

        await cluster.WaitUntilIdleAsync(TimeSpan.FromSeconds(2), options.PhaseDeadline, Progress, cancellationToken);
        var afterWatchRss = sandbox.ResidentBytes();
        Say($"  RSS after the watch phase: {Memory(afterWatchRss)}; {LoadAverage()}");
        figures.Add(new Figure("RSS `kubemate sandbox --empty`, idle, no pods", Memory(emptyRss)));
        figures.Add(new Figure($"RSS `kubemate sandbox --empty`, idle, {total} pods", Memory(loadedRss)));
        figures.Add(new Figure("RSS same, after the watch phase", Memory(afterWatchRss)));
    }

    private async Task TimeKubectlAsync(SandboxProcess sandbox, string cache, long pods, List<Figure> figures, CancellationToken cancellationToken)
    {
        var kubectl = new KubectlTimer(options.Kubectl, sandbox.Kubeconfig, cache, options.PhaseDeadline);
        // kubectl pages by 500 and its client-side rate limiter (burst 10, then 5 requests/s) spaces out the
        // pages past the tenth; one request (--chunk-size=0) shows what the server itself takes.
        foreach (var (label, extra) in new[] { ("kubectl get pods -A", Array.Empty<string>()), ("kubectl get pods -A --chunk-size=0", ["--chunk-size=0"]) })
        {
            var runs = new List<double>();
            var serverCpu = new List<double>();
            for (var run = 0; run < options.KubectlRuns; run++)
            {
                var serverBefore = sandbox.CpuTime();
                var (elapsed, lines, _) = await kubectl.RunAsync(["get", "pods", "-A", .. extra], minimumLines: (int)pods + 1, cancellationToken);
                var server = sandbox.CpuTime() - serverBefore;
                runs.Add(elapsed.TotalMilliseconds);
                serverCpu.Add(server.TotalMilliseconds);
                Say($"  {label} run {run + 1}: {Distribution.Ms(elapsed.TotalMilliseconds)} ({lines} lines; sandbox CPU {server.TotalMilliseconds:0} ms)");
            }
            var times = new Distribution(runs);
            figures.Add(new Figure(
                $"{label}, {pods} pods ({options.KubectlRuns} runs) min / p50 / max",
                $"{Distribution.Ms(times.Min)} / {Distribution.Ms(times.P50)} / {Distribution.Ms(times.Max)}",
                "< 1 s (p50)",
                times.P50 < 1000));
            figures.Add(new Figure($"  sandbox CPU per listing (p50)", Distribution.Ms(new Distribution(serverCpu).P50)));
        }
        var (json, jsonLines, bytes) = await kubectl.RunAsync(["get", "pods", "-A", "-o", "json"], minimumLines: (int)pods, cancellationToken);
        Say($"  kubectl get pods -A -o json: {Distribution.Ms(json.TotalMilliseconds)} ({jsonLines} lines, {bytes / Megabyte:0.0} MB)");
        figures.Add(new Figure($"kubectl get pods -A -o json, {pods} pods (1 run)", $"{Distribution.Ms(json.TotalMilliseconds)} ({bytes / Megabyte:0.0} MB)"));
    }

    private async Task MeasureDemoSandboxAsync(string work, List<Figure> figures, CancellationToken cancellationToken)
    {
        Say($"phase 2: sandbox with the demo estate; {LoadAverage()}");
        var started = Stopwatch.StartNew();
        await using var sandbox = await SandboxProcess.StartAsync(work, empty: false, cancellationToken);
        Say($"  started: {sandbox.CommandLine} (pid {sandbox.ProcessId}) at {sandbox.Url}");
        using var cluster = await SandboxCluster.ConnectAsync(sandbox.Kubeconfig);
        string note;
        try
        {
            await cluster.WaitUntilIdleAsync(options.QuietPeriod, options.PhaseDeadline, Progress, cancellationToken);
            note = $"idle {started.Elapsed.TotalSeconds:0} s after start";
        }
        catch (TimeoutException ex)
        {
            note = "NOT idle: " + ex.Message;
        }
        var pods = await cluster.CountPodsAsync(null, cancellationToken);
        var running = await cluster.CountPodsAsync("status.phase=Running", cancellationToken);
        var rss = sandbox.ResidentBytes();
        Say($"  {note}; {running}/{pods} pods Running; RSS {Memory(rss)}; {LoadAverage()}");
        var state = note.StartsWith("NOT", StringComparison.Ordinal) ? "NOT idle" : "idle";
        figures.Add(new Figure($"RSS `kubemate sandbox`, demo estate ({pods} pods), {state}", Memory(rss), "< 200 MB", rss < 200 * Megabyte));
    }

    private IProgress<string> Progress => new SynchronousProgress<string>(line => Say("  " + line));

    private static string LoadAverage()
    {
        try
        {
            return "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "load average unknown";
        }
    }

    private static string Memory(long bytes) => $"{bytes / Megabyte:0.0} MB ({bytes / 1024.0 / 1024.0:0.0} MiB)";

    private void Say(string line)
    {
        output.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");
        output.Flush();
    }
}
