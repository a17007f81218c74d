namespace Kubemate.WebConsole.Telemetry;

/// <summary>
/// Re-reads telemetry on the server every scrape interval while a page is open: a <see cref="PeriodicTimer"/> on the
/// circuit, so the browser never polls. A refresh that fails does not end the loop (the next tick tries again; the
/// page shows its own error meanwhile). Disposing it stops the loop.
/// </summary>
public sealed class TelemetryRefresh : IAsyncDisposable
{
    /// <summary>The embedded store's scrape interval, and Prometheus' usual one for Linkerd proxies.</summary>
    public static readonly TimeSpan ScrapeInterval = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stop = new();
    private readonly Action<Exception>? _failed;
    private readonly Task _loop;

    public TelemetryRefresh(Func<CancellationToken, Task> refresh, TimeSpan? interval = null, TimeProvider? time = null,
        Action<Exception>? failed = null)
    {
        _failed = failed;
        _loop = RunAsync(refresh, new PeriodicTimer(interval ?? ScrapeInterval, time ?? TimeProvider.System));
    }

    private async Task RunAsync(Func<CancellationToken, Task> refresh, PeriodicTimer timer)
    {
        using (timer)
        {
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    try
                    {
                        await refresh(_stop.Token);
                    }
                    catch (Exception error) when (!_stop.IsCancellationRequested)
                    {
                        // A timed-out read or a lost circuit is one missed refresh, not the end of live updates.
                        _failed?.Invoke(error);
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // The page was closed.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
