using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Embedded;

/// <summary>
/// A pod endpoint to scrape through the API server's pod proxy (<c>Kubemate.Cluster.Objects.PodProxy</c>), with the
/// labels its scrape job gives it.
/// </summary>
public sealed record ScrapeTarget(string Key, string Namespace, string Pod, string Port, string MetricsPath, LabelSet Labels);

/// <summary>The outcome of the latest scrape of a target (Prometheus' target health).</summary>
public sealed record ScrapeHealth(string Target, string Job, bool Up, DateTimeOffset LastScrape, string? LastError);
