namespace Kubemate.Telemetry.Prometheus;

/// <summary>Where Prometheus (or Thanos Query) answers, and how long to wait.</summary>
public sealed record PrometheusOptions(Uri Url)
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Bearer token, if the endpoint sits behind an authenticating proxy.</summary>
    public string? BearerToken { get; init; }
    /// <summary>Ask Thanos Query for partial responses (it reports missing stores as warnings).</summary>
    public bool PartialResponse { get; init; } = true;
}
