using System.Diagnostics;
using System.Globalization;
using k8s;
using k8s.Models;

namespace Kubemate.Sandbox.Scale;

/// <summary>What the watch probe measured: delivery delays over every (watcher, write) pair.</summary>
/// <param name="FromAck">Write acknowledged by the server (patch response read) to event read by a watcher; an event that beat the acknowledgement counts as 0.</param>
/// <param name="FromSend">Write sent to event read: an upper bound that includes the write itself.</param>
/// <param name="WriteRoundTrip">Patch request to response, per write.</param>
/// <param name="ArrivedBeforeAck">Deliveries that were read before their write's response.</param>
public sealed record WatchLatencyResult(
    Distribution FromAck,
    Distribution FromSend,
    Distribution WriteRoundTrip,
    long Expected,
    long Received,
    long ArrivedBeforeAck,
    TimeSpan WritePhase,
    IReadOnlyList<string> WatcherFailures);

/// <summary>
/// Opens many concurrent pod watches over all namespaces, patches pods at a bounded rate with a sequence
/// annotation, and measures how long each write takes to reach each watcher.
/// </summary>
public sealed class WatchLatencyProbe(SandboxCluster cluster, ScalePods pods, ScaleOptions options)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public async Task<WatchLatencyResult> RunAsync(CancellationToken cancellationToken)
    {
        // Slot 0 is a warm-up write that proves every watch is connected before measuring.
        var slots = options.Events + 1;
        var sent = new long[slots];
        var acked = new long[slots];
        // Watch from the current revision: no initial ADDED flood of every existing pod.
        var revision = (await cluster.RevisionAsync(cancellationToken)).ToString(CultureInfo.InvariantCulture);
        var watchers = Enumerable.Range(0, options.Watchers).Select(_ => new PodWatcher(cluster.NewClient(), slots)).ToArray();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = watchers.Select(w => Task.Run(() => w.RunAsync(revision, options.PhaseDeadline, stop.Token), CancellationToken.None)).ToArray();
        try
        {
            await WriteAsync(0, sent, acked, cancellationToken);
            await WaitUntilAsync(() => watchers.All(w => w.Saw(0)), watchers, "every watcher to see the warm-up write", cancellationToken);

            var phase = Stopwatch.StartNew();
            var start = Stopwatch.GetTimestamp();
            for (var sequence = 1; sequence < slots; sequence++)
            {
                var due = start + (sequence - 1) * Stopwatch.Frequency / options.WriteRate;
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }
                await WriteAsync(sequence, sent, acked, cancellationToken);
            }
            var writePhase = phase.Elapsed;
            var expected = (long)options.Watchers * options.Events;
            try
            {
                await WaitUntilAsync(() => watchers.Sum(w => (long)w.Received) - watchers.Length >= expected, watchers, "every watcher to see every write", cancellationToken);
            }
            catch (TimeoutException)
            {
                // Reported below as missing deliveries.
            }
            return Summarise(watchers, sent, acked, expected, writePhase);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            foreach (var watcher in watchers)
            {
                watcher.Dispose();
            }
        }
    }

    private async Task WriteAsync(int sequence, long[] sent, long[] acked, CancellationToken cancellationToken)
    {
        var (ns, name) = pods[(sequence * 7919) % pods.Count];
        var patch = new Dictionary<string, object>
        {
            ["metadata"] = new Dictionary<string, object>
            {
                ["annotations"] = new Dictionary<string, string> { [PodWatcher.SequenceAnnotation] = sequence.ToString(CultureInfo.InvariantCulture) },
            },
        };
        sent[sequence] = Stopwatch.GetTimestamp();
        await cluster.Client.CoreV1.PatchNamespacedPodAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch), name, ns, cancellationToken: cancellationToken);
        acked[sequence] = Stopwatch.GetTimestamp();
    }

    private async Task WaitUntilAsync(Func<bool> condition, PodWatcher[] watchers, string what, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (watchers.FirstOrDefault(w => w.Failure is not null) is { } failed)
            {
                throw new InvalidOperationException($"a watch failed while waiting for {what}: {failed.Failure!.Message}", failed.Failure);
            }
            if (deadline.Elapsed > options.PhaseDeadline)
            {
                throw new TimeoutException($"waited {options.PhaseDeadline.TotalSeconds:0} s for {what}");
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private static WatchLatencyResult Summarise(PodWatcher[] watchers, long[] sent, long[] acked, long expected, TimeSpan writePhase)
    {
        var fromAck = new List<double>();
        var fromSend = new List<double>();
        var beforeAck = 0L;
        foreach (var watcher in watchers)
        {
            for (var sequence = 1; sequence < sent.Length; sequence++)
            {
                if (watcher.ArrivalOf(sequence) is not { } arrival)
                {
                    continue;
                }
                var afterAck = Stopwatch.GetElapsedTime(acked[sequence], arrival);
                if (arrival < acked[sequence])
                {
                    beforeAck++;
                    afterAck = TimeSpan.Zero;
                }
                fromAck.Add(afterAck.TotalMilliseconds);
                fromSend.Add(Stopwatch.GetElapsedTime(sent[sequence], arrival).TotalMilliseconds);
            }
        }
        var roundTrips = Enumerable.Range(1, sent.Length - 1).Select(s => Stopwatch.GetElapsedTime(sent[s], acked[s]).TotalMilliseconds);
        var failures = watchers.Where(w => w.Failure is not null).Select(w => w.Failure!.Message).Distinct().ToList();
        return new WatchLatencyResult(new Distribution(fromAck), new Distribution(fromSend), new Distribution(roundTrips), expected, fromAck.Count, beforeAck, writePhase, failures);
    }
}
