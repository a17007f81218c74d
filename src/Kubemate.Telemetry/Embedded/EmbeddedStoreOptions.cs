using Kubemate.Model.Drivers;
using Kubemate.Model.Edge;

namespace Kubemate.Telemetry.Embedded;

public sealed record EmbeddedStoreOptions
{
    /// <summary>The active mesh driver's conventions: which pods the scraper keeps and how it labels them. The scraper requires it.</summary>
    public MeshConventions? Mesh { get; init; }

    /// <summary>The edge gateway whose pods are scraped too.</summary>
    public GatewayConventions Gateway { get; init; } = GatewayConventions.Traefik;

    /// <summary>How long samples are kept (the longest window is 1 h).</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How often targets are scraped; with <see cref="Retention"/> it sizes the ring buffers.</summary>
    public TimeSpan ScrapeInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How far back an instant query looks for a gauge's latest sample (Prometheus' default lookback).</summary>
    public TimeSpan Lookback { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Samples each ring keeps.</summary>
    public int Capacity => (int)Math.Ceiling(Retention / ScrapeInterval) + 2;

    public void Validate()
    {
        if (Retention <= TimeSpan.Zero)
        {
            throw new ArgumentException("retention: must be positive");
        }
        if (ScrapeInterval <= TimeSpan.Zero || ScrapeInterval > Retention)
        {
            throw new ArgumentException("scrapeInterval: must be positive and not longer than the retention");
        }
    }
}
