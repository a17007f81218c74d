using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Tests.Support;
using Kubemate.Cluster.Http;

namespace Kubemate.Telemetry.Tests.Prometheus;

/// <summary>The embedded store's scraper finds its targets from a watch of the pods: one list, then changes only.</summary>
public sealed class ProxyScraperDiscoveryTests
{
    [Fact]
    public async Task A_deleted_pod_stops_being_scraped_without_the_pods_being_listed_again()
    {
        await using var estate = await LiveEstate.StartAsync(Estates.Bank);
        using var api = estate.Connection.CreateApi();
        var options = new EmbeddedStoreOptions { ScrapeInterval = TimeSpan.FromSeconds(5) };
        await using var scraper = new ProxyScraper(api, new EmbeddedStore(options), TestMeshes.Scrape(options));

        await scraper.ScrapeOnceAsync(CancellationToken.None);
        var targets = ProxyTargets(scraper);
        Assert.Equal(4, targets.Count);
        Assert.All(scraper.Health.Where(h => targets.Contains(h.Target)), h => Assert.True(h.Up, $"{h.Target}: {h.LastError}"));

        var gone = targets.Order(StringComparer.Ordinal).First();
        var (ns, pod) = (gone.Split('/')[1], gone.Split('/')[2]);
        await api.SendAsync(HttpMethod.Delete, $"api/v1/namespaces/{ns}/pods/{pod}", null, null, CancellationToken.None);

        await Eventually.True(async () =>
        {
            await scraper.ScrapeOnceAsync(CancellationToken.None);
            return !ProxyTargets(scraper).Contains(gone);
        }, $"{gone} to leave the scrape targets");
        Assert.Equal(3, ProxyTargets(scraper).Count);
        Assert.Equal(1, scraper.PodLists);
    }

    private static HashSet<string> ProxyTargets(ProxyScraper scraper) =>
        scraper.Health.Select(h => h.Target).Where(t => t.StartsWith(TestMeshes.Linkerd.Telemetry.Scrape.Job + "/", StringComparison.Ordinal)).ToHashSet();
}
