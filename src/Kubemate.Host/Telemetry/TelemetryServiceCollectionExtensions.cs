using Kubemate.Application.Access;
using Kubemate.Application.Identity;
using Kubemate.Application.Telemetry;
using Kubemate.Host.Identity;
using Kubemate.Host.Options;
using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Inventory;
using Kubemate.Telemetry.Prometheus;
using Kubemate.Telemetry.Querying;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kubemate.Host.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Registers the telemetry backend, the golden-metrics service and, for the embedded store, its scrape loop.</summary>
    /// <exception cref="ArgumentException">the options are inconsistent; the message names the option.</exception>
    public static IServiceCollection AddKubemateTelemetry(this IServiceCollection services, TelemetryHostOptions options)
    {
        options.Embedded.Validate();
        options.Golden.Health.Validate();
        if (options.Backend is null && options.PrometheusUrl is null && options.Cluster is null)
        {
            throw new ArgumentException("telemetry: set prometheusUrl, or a cluster for the embedded store to scrape");
        }
        services.AddSingleton(options);
        services.AddValidatedOptions<TelemetryHostOptions, TelemetryHostOptionsValidator>(options);
        if (options.Backend is { } backend)
        {
            services.AddSingleton(backend);
        }
        else if (options.PrometheusUrl is { } url)
        {
            services.AddHttpClient();
            services.AddSingleton<ITelemetryBackend>(sp => new PrometheusBackend(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient("kubemate-prometheus"),
                new PrometheusOptions(url) { Timeout = options.PrometheusTimeout, BearerToken = options.PrometheusBearerToken }));
        }
        else
        {
            services.AddSingleton(new EmbeddedStore(options.Embedded, options.Time));
            services.AddSingleton<ITelemetryBackend>(sp => sp.GetRequiredService<EmbeddedStore>());
            services.AddHostedService(sp => new EmbeddedScrapeService(options, sp.GetRequiredService<EmbeddedStore>()));
        }
        services.AddSingleton(sp => new TelemetryVisibility(sp.GetService<AccessReviews>(), sp.GetService<ServiceAccountCluster>(), options.Time));
        services.AddSingleton(sp => new TelemetryService(
            sp.GetRequiredService<ITelemetryBackend>(),
            options.Cluster is { } cluster ? new ClusterWorkloadInventory(cluster.CreateApi()) : null,
            options.Golden,
            options.Time));
        services.AddSingleton(new SharedReads(options.Time));
        services.AddSingleton<TelemetryReads>();
        return services;
    }

    /// <summary>Runs the embedded store's scrape loop for the host's lifetime.</summary>
    private sealed class EmbeddedScrapeService(TelemetryHostOptions options, EmbeddedStore store) : IHostedService, IAsyncDisposable
    {
        private ProxyScraper? scraper;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            scraper = new ProxyScraper(options.Cluster!.CreateApi(), store, options.Embedded, options.Time);
            scraper.Start();
            return Task.CompletedTask;
        }

        public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

        public async ValueTask DisposeAsync()
        {
            if (scraper is not null)
            {
                await scraper.DisposeAsync();
                scraper = null;
            }
        }
    }
}
