using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Kubemate.Cluster.Caching;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;
using Kubemate.Telemetry.Exposition;

namespace Kubemate.Telemetry.Embedded;

/// <summary>
/// The embedded store's scrape loop: every interval it takes the pods from a watch of the Kubernetes API (one list at
/// the start, then changes only, instead of listing every pod of the cluster every interval), keeps the targets the
/// mesh's scrape job would keep (<see cref="EmbeddedStoreOptions.Mesh"/>, and the gateway's), scrapes each through the API server's pod proxy and appends the
/// samples. A failed scrape records <c>up</c> 0 and the error; it never stops the loop.
/// </summary>
public sealed class ProxyScraper(ClusterApi api, EmbeddedStore store, EmbeddedStoreOptions options, TimeProvider? clock = null) : IAsyncDisposable
{
    private readonly Model.Drivers.MeshConventions mesh = options.Mesh
        ?? throw new ArgumentException("mesh: the embedded store's scraper needs the active mesh driver's conventions to find its proxies", nameof(options));
    private static readonly ResourceType PodType = new("", "v1", "Pod", "pods", Namespaced: true);

    private readonly TimeProvider time = clock ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, ScrapeHealth> health = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim watchStarting = new(1, 1);
    private WatchCache? pods;
    private Task? loop;

    /// <summary>The latest scrape outcome per target.</summary>
    public IReadOnlyCollection<ScrapeHealth> Health => health.Values.ToList();

    /// <summary>How many times the pods were listed in full (for tests: once, then only watched).</summary>
    internal int PodLists => Volatile.Read(ref pods)?.ListCount ?? 0;

    public void Start() => loop ??= Task.Run(() => RunAsync(stopping.Token));

    /// <summary>Discovers targets and scrapes each once.</summary>
    public async Task ScrapeOnceAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ScrapeTarget> targets;
        try
        {
            targets = ScrapeDiscovery.Targets(await PodsAsync(cancellationToken).ConfigureAwait(false), mesh, options.Gateway);
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

    /// <summary>
    /// The pods as the watch last saw them. The first call lists (a refusal such as 403 surfaces here and is tried
    /// again next round); afterwards the watch resumes and relists by itself after errors.
    /// </summary>
    private async Task<IReadOnlyCollection<JsonObject>> PodsAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref pods) is { } started)
        {
            return started.Items;
        }
        await watchStarting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (pods is null)
            {
                var cache = new WatchCache(api, PodType);
                try
                {
                    await cache.StartAsync(cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    await cache.DisposeAsync().ConfigureAwait(false);
                    throw;
                }
                Volatile.Write(ref pods, cache);
            }
            return pods.Items;
        }
        finally
        {
            watchStarting.Release();
        }
    }

    private async Task ScrapeAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        var job = target.Labels["job"];
        var started = time.GetUtcNow();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ScrapeInterval);
        try
        {
            var body = await api.GetTextAsync(target.Namespace, target.Pod, target.Port, target.MetricsPath, timeout.Token).ConfigureAwait(false);
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
        if (pods is not null)
        {
            await pods.DisposeAsync().ConfigureAwait(false);
        }
        stopping.Dispose();
        watchStarting.Dispose();
    }
}
