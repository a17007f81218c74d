namespace Kubemate.Model.Drivers;

/// <summary>
/// The metric and label names a mesh's proxies export, for the telemetry code to build every query from.
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

    /// <summary>The histogram's name without <c>_bucket</c>, as quantile queries name it.</summary>
    public string LatencyMetric => LatencyBucketMetric.EndsWith("_bucket", StringComparison.Ordinal) ? LatencyBucketMetric[..^"_bucket".Length] : LatencyBucketMetric;

    public required string LatencyUnit { get; init; }

    /// <summary>The label telling which side reported (Linkerd <c>direction</c>, Istio <c>reporter</c>).</summary>
    public required string ReporterLabel { get; init; }

    /// <summary>Its value on the server (receiving) side: <c>inbound</c> / <c>destination</c>.</summary>
    public required string ServerSideValue { get; init; }

    /// <summary>Its value on the client (calling) side: <c>outbound</c> / <c>source</c>.</summary>
    public required string ClientSideValue { get; init; }

    /// <summary>The receiving workload on server-side series (Linkerd: the proxy's own <c>namespace</c>/<c>deployment</c>…).</summary>
    public required WorkloadLabels ServerWorkload { get; init; }

    /// <summary>The calling workload on client-side series (Istio: <c>source_workload_namespace</c>/<c>source_workload</c>).</summary>
    public required WorkloadLabels ClientWorkload { get; init; }

    /// <summary>The called workload on client-side series (Linkerd: <c>dst_namespace</c>/<c>dst_deployment</c>…).</summary>
    public required WorkloadLabels ClientPeer { get; init; }

    /// <summary>The called Service on client-side series (<c>dst_service</c>, <c>destination_service_name</c>).</summary>
    public required string DestinationServiceLabel { get; init; }

    /// <summary>The pod a series was scraped from (a target label).</summary>
    public string PodLabel { get; init; } = "pod";

    public required string StatusCodeLabel { get; init; }

    /// <summary>A label that says success or failure directly (Linkerd <c>classification</c>); null when success is judged by status code (5xx fails).</summary>
    public string? ClassificationLabel { get; init; }

    public string? SuccessValue { get; init; }

    public string? FailureValue { get; init; }

    /// <summary>The label saying whether the connection was mutually authenticated (Linkerd <c>tls</c>, Istio <c>connection_security_policy</c>).</summary>
    public string? TlsLabel { get; init; }

    /// <summary>Its value for a mutually authenticated connection (<c>true</c>, <c>mutual_tls</c>).</summary>
    public string? TlsSecuredValue { get; init; }

    /// <summary>Open inbound TCP connections as a gauge; null when the mesh exports none.</summary>
    public TcpConnectionsMetric? TcpOpenConnections { get; init; }

    /// <summary>A gauge of the proxies' identity certificate expiry (Unix seconds); null when the proxies export none.</summary>
    public string? IdentityExpiryMetric { get; init; }

    /// <summary>How the embedded store finds and labels the proxies to scrape, as the mesh's usual Prometheus job does.</summary>
    public required ScrapeConvention Scrape { get; init; }
}

/// <summary>
/// The labels that name a workload on a series: its namespace label and, in precedence order, one label per kind
/// (Linkerd's <c>deployment</c>, <c>statefulset</c>…). A kind of null means the label names a workload of any kind
/// (Istio's <c>destination_workload</c>); the kind is then taken from the cluster's workload list.
/// </summary>
public sealed record WorkloadLabels(string NamespaceLabel, IReadOnlyList<WorkloadKindLabel> Kinds);

public sealed record WorkloadKindLabel(string? Kind, string Label);

/// <summary>A gauge of open connections and the extra label matches that select the server side's count of them.</summary>
public sealed record TcpConnectionsMetric(string Metric, IReadOnlyList<KeyValuePair<string, string>> Matches);

/// <summary>
/// Which pods a mesh's Prometheus job scrapes and which target labels it gives them: pods running
/// <see cref="Container"/> (and, when set, carrying <see cref="RequiredPodLabel"/> with the first control-plane
/// namespace as value); the port named <see cref="PortName"/> or given by <see cref="PortAnnotation"/>; the path
/// from <see cref="PathAnnotation"/> or <see cref="Path"/>. Target labels are <c>job</c>, <c>instance</c>,
/// <c>namespace</c>, <c>pod</c> and the pod's labels (sanitised, with <see cref="LabelRenames"/> applied and
/// <see cref="StrippedLabelPrefixes"/> cut off, first match wins).
/// </summary>
public sealed record ScrapeConvention
{
    public required string Job { get; init; }

    public required string Container { get; init; }

    public string? PortName { get; init; }

    public string? PortAnnotation { get; init; }

    public required string Path { get; init; }

    public string? PathAnnotation { get; init; }

    public string? RequiredPodLabel { get; init; }

    /// <summary>Sanitised pod label -> target label, e.g. <c>linkerd_io_proxy_job</c> -> <c>k8s_job</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> LabelRenames { get; init; } = [];

    /// <summary>Sanitised prefixes cut off pod labels, longest first, e.g. <c>linkerd_io_proxy_</c>, <c>linkerd_io_</c>.</summary>
    public IReadOnlyList<string> StrippedLabelPrefixes { get; init; } = [];

    /// <summary>The target labels naming the pod's workload (for counting pods up without a workload list); null when there are none.</summary>
    public WorkloadLabels? TargetWorkload { get; init; }
}
