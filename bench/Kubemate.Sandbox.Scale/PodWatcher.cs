using System.Diagnostics;
using System.Globalization;
using k8s;

namespace Kubemate.Sandbox.Scale;

/// <summary>
/// One watch on pods in all namespaces, with its own client (its own connections), recording when the first event
/// carrying each write's sequence annotation arrived.
/// </summary>
public sealed class PodWatcher(Kubernetes client, int slots) : IDisposable
{
    public const string SequenceAnnotation = "bench.kubemate.io/seq";

    private readonly long[] _arrivals = new long[slots];
    private int _received;
    private volatile Exception? _failure;

    /// <summary>How many distinct writes this watcher has seen.</summary>
    public int Received => Volatile.Read(ref _received);

    /// <summary>Why the watch ended early, if it did.</summary>
    public Exception? Failure => _failure;

    public bool Saw(int sequence) => Volatile.Read(ref _arrivals[sequence]) != 0;

    /// <summary>The <see cref="Stopwatch"/> timestamp at which the write arrived, or null when it never did.</summary>
    public long? ArrivalOf(int sequence) => Volatile.Read(ref _arrivals[sequence]) is var arrival && arrival != 0 ? arrival : null;

    /// <summary>Watches from <paramref name="resourceVersion"/> until cancelled or the server ends the watch.</summary>
    public async Task RunAsync(string resourceVersion, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            var events = client.CoreV1.WatchListPodForAllNamespacesAsync(
                resourceVersion: resourceVersion,
                timeoutSeconds: (int)timeout.TotalSeconds,
                onError: ex => _failure ??= ex,
                cancellationToken: cancellationToken);
            await foreach (var (_, pod) in events)
            {
                var now = Stopwatch.GetTimestamp();
                if (pod.Metadata?.Annotations is { } annotations
                    && annotations.TryGetValue(SequenceAnnotation, out var text)
                    && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                    && sequence < _arrivals.Length
                    && _arrivals[sequence] == 0)
                {
                    Volatile.Write(ref _arrivals[sequence], now);
                    Interlocked.Increment(ref _received);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or k8s.Autorest.HttpOperationException or System.Text.Json.JsonException)
        {
            _failure ??= ex;
        }
    }

    public void Dispose() => client.Dispose();
}
