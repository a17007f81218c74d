using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Kubemate.Cluster.Http;
using Kubemate.Telemetry.Exposition;

namespace Kubemate.Telemetry.Embedded;

/// <summary>
/// The embedded store's scrape loop: every interval it lists pods through the Kubernetes API, keeps the targets the
/// linkerd-proxy job would keep (and Traefik's), scrapes each through the API server's pod proxy and appends the
/// samples. A failed scrape records <c>up</c> 0 and the error; it never stops the loop.
/// </summary>
public sealed class ProxyScraper(ClusterApi api, EmbeddedStore store, EmbeddedStoreOptions options, TimeProvider? clock = null) : IAsyncDisposable
{
    private readonly TimeProvider time = clock ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, ScrapeHealth> health = new();
    private readonly CancellationTokenSource stopping = new();
    private Task? loop;

    public string LinkerdNamespace { get; init; } = "linkerd";

    /// <summary>The latest scrape outcome per target.</summary>
    public IReadOnlyCollection<ScrapeHealth> Health => health.Values.ToList();

    public void Start() => loop ??= Task.Run(() => RunAsync(stopping.Token));

    /// <summary>Discovers targets and scrapes each once.</summary>
    public async Task ScrapeOnceAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ScrapeTarget> targets;
        try
        {
            var pods = await api.SendAsync(HttpMethod.Get, "api/v1/pods", null, null, cancellationToken).ConfigureAwait(false);
            targets = ScrapeDiscovery.Targets(pods["items"] as JsonArray ?? [], LinkerdNamespace);
        }
        catch (Exception error) when (error is ClusterApiException or HttpRequestException or System.Text.Json.JsonException or TaskCanceledException
            && !cancellationToken.IsCancellationRequested)
        {
            health["discovery"] = new ScrapeHealth("discovery", "kubernetes", false, time.GetUtcNow(), error.Message);
            return;
        }
        health.TryRemove("discovery", out _);
        foreach (var gone in health.Keys.Except(targets.Select(t => t.Key)).ToList())
        {
            health.TryRemove(gone, out _);
        }
        await Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (target, token) => await ScrapeAsync(target, token).ConfigureAwait(false)).ConfigureAwait(false);
        store.Prune();
    }

    private async Task ScrapeAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        var job = target.Labels["job"];
        var started = time.GetUtcNow();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ScrapeInterval);
        try
        {
            using var response = await api.SendRawAsync(HttpMethod.Get, target.ProxyPath, null, null, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"HTTP {(int)response.StatusCode} from {target.ProxyPath}");
            }
            var exposition = PrometheusTextParser.Parse(body);
            store.Append(target.Key, target.Labels, started, exposition.Samples);
            health[target.Key] = new ScrapeHealth(target.Key, job, true, started, null);
        }
        catch (Exception error) when (error is HttpRequestException or ExpositionFormatException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            store.AppendFailure(target.Key, target.Labels, started);
            health[target.Key] = new ScrapeHealth(target.Key, job, false, started, error is OperationCanceledException ? "scrape timed out" : error.Message);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.ScrapeInterval, time);
        do
        {
            try
            {
                await ScrapeOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // The loop must outlive any one bad round; the error shows in Health until a round succeeds.
                health["scrape-loop"] = new ScrapeHealth("scrape-loop", "kubemate", false, time.GetUtcNow(), error.Message);
                continue;
            }
            health.TryRemove("scrape-loop", out _);
        }
        while (await WaitAsync(timer, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }
        stopping.Dispose();
    }
}
