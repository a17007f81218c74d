namespace Kubemate.Model.Drivers;

/// <summary>
/// The metric and label names a mesh's proxies export, for the telemetry code to build queries from.
/// Counters count responses; the latency histogram is in <see cref="LatencyUnit"/>.
/// </summary>
public sealed record TelemetryVocabulary
{
    /// <summary>Requests counter, e.g. <c>request_total</c>; null when the mesh counts responses only.</summary>
    public string? RequestsMetric { get; init; }

    /// <summary>Responses counter with status labels, e.g. <c>response_total</c> or <c>istio_requests_total</c>.</summary>
    public required string ResponsesMetric { get; init; }

    /// <summary>Latency histogram buckets, e.g. <c>response_latency_ms_bucket</c>.</summary>
    public required string LatencyBucketMetric { get; init; }

    public required string LatencyUnit { get; init; }

    /// <summary>The label telling which side reported (Linkerd <c>direction</c>, Istio <c>reporter</c>).</summary>
    public required string ReporterLabel { get; init; }

    /// <summary>Its value on the server (receiving) side: <c>inbound</c> / <c>destination</c>.</summary>
    public required string ServerSideValue { get; init; }

    /// <summary>Its value on the client (calling) side: <c>outbound</c> / <c>source</c>.</summary>
    public required string ClientSideValue { get; init; }

    public required string SourceWorkloadLabel { get; init; }

    public required string SourceNamespaceLabel { get; init; }

    public required string DestinationWorkloadLabel { get; init; }

    public required string DestinationNamespaceLabel { get; init; }

    public required string DestinationServiceLabel { get; init; }

    public required string StatusCodeLabel { get; init; }

    /// <summary>A label that says success or failure directly (Linkerd <c>classification</c>); null when success is judged by status code.</summary>
    public string? ClassificationLabel { get; init; }

    public string? SuccessValue { get; init; }

    public string? FailureValue { get; init; }

    /// <summary>The label saying whether the connection was mutually authenticated (Linkerd <c>tls</c>).</summary>
    public string? TlsLabel { get; init; }
}
