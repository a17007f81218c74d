using Kubemate.Cluster.Connection;
using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Querying;

namespace Kubemate.Host.Telemetry;

/// <summary>
/// Which telemetry backend the host uses: Prometheus/Thanos when <see cref="PrometheusUrl"/> is set, else the embedded
/// store scraping the proxies of <see cref="Cluster"/>. <see cref="Backend"/> overrides both (tests, other wiring).
/// </summary>
public sealed record TelemetryHostOptions
{
    public Uri? PrometheusUrl { get; init; }
    public TimeSpan PrometheusTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public string? PrometheusBearerToken { get; init; }

    /// <summary>The cluster whose pods are listed (workload inventory) and, with the embedded store, scraped.</summary>
    public ClusterConnection? Cluster { get; init; }

    public EmbeddedStoreOptions Embedded { get; init; } = new();
    public TelemetryOptions Golden { get; init; } = new();
    public ITelemetryBackend? Backend { get; init; }
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
