using System.Globalization;
using System.Text;

namespace Kubemate.Telemetry.Tests.Support;

/// <summary>One call path with a constant rate, failure ratio and the latency distribution of <see cref="ProxyTraffic.Buckets"/>.</summary>
public sealed record TrafficEdge(string SourceNamespace, string? Source, string DestinationNamespace, string Destination, double Rps, double FailureRatio);

/// <summary>
/// Deterministic linkerd-proxy metrics: every counter grows linearly from <see cref="Start"/>, so the ground truth is
/// known exactly (RPS, failure ratio, quantiles). Each workload has one pod named <c>&lt;workload&gt;-0</c>. A null
/// <see cref="TrafficEdge.Source"/> is an unmeshed caller (it shows only in the destination's inbound metrics).
/// </summary>
public sealed class ProxyTraffic(DateTimeOffset start, IReadOnlyList<TrafficEdge> edges)
{
    /// <summary>Cumulative share of requests at or below each bound (ms); the ground-truth p50 is 8.75 ms, p99 75 ms.</summary>
    public static readonly (string Le, double Share)[] Buckets = [("1", 0), ("5", 0.2), ("10", 0.6), ("20", 0.9), ("50", 0.98), ("100", 1.0), ("1000", 1.0), ("+Inf", 1.0)];

    public const double P50 = 8.75;
    public const double P99 = 75;

    /// <summary>A counter offset so the first samples do not start at zero.</summary>
    private const double Offset = 1000;

    public DateTimeOffset Start { get; } = start;

    public IReadOnlyList<TrafficEdge> Edges { get; } = edges;

    /// <summary>When set, counters restart from zero at this instant (a proxy restart).</summary>
    public DateTimeOffset? ResetAt { get; set; }

    public IEnumerable<(string Namespace, string Workload)> Workloads =>
        Edges.SelectMany(e => e.Source is null ? [(e.DestinationNamespace, e.Destination)] : new[] { (e.SourceNamespace, e.Source), (e.DestinationNamespace, e.Destination) }).Distinct();

    /// <summary>The exposition text of the workload's pod at <paramref name="now"/>.</summary>
    public string Render(string ns, string workload, DateTimeOffset now)
    {
        var elapsed = ResetAt is { } reset && now >= reset ? (now - reset).TotalSeconds : (now - Start).TotalSeconds;
        var offset = ResetAt is { } r && now >= r ? 0 : Offset;
        var text = new StringBuilder();
        text.AppendLine("# HELP response_total Total count of HTTP responses.");
        text.AppendLine("# TYPE response_total counter");
        var latency = new StringBuilder();
        var connections = 0;
        foreach (var edge in Edges)
        {
            if (edge.DestinationNamespace == ns && edge.Destination == workload)
            {
                var tls = edge.Source is null ? "tls=\"no_identity\",no_tls_reason=\"no_tls_from_remote\"" : $"tls=\"true\",client_id=\"{edge.Source}.{edge.SourceNamespace}.serviceaccount.identity.linkerd.cluster.local\"";
                var labels = $"direction=\"inbound\",target_addr=\"10.0.0.1:8080\",{tls}";
                Responses(text, latency, labels, edge, elapsed, offset);
                connections++;
            }
            if (edge.Source is not null && edge.SourceNamespace == ns && edge.Source == workload)
            {
                var labels = $"direction=\"outbound\",dst_namespace=\"{edge.DestinationNamespace}\",dst_deployment=\"{edge.Destination}\",dst_service=\"{edge.Destination}\",tls=\"true\"";
                Responses(text, latency, labels, edge, elapsed, offset);
            }
        }
        text.AppendLine("# TYPE response_latency_ms histogram");
        text.Append(latency);
        text.AppendLine("# TYPE tcp_open_connections gauge");
        text.AppendLine($"tcp_open_connections{{direction=\"inbound\",peer=\"src\",tls=\"true\"}} {connections}");
        return text.ToString();
    }

    private static void Responses(StringBuilder text, StringBuilder latency, string labels, TrafficEdge edge, double elapsed, double offset)
    {
        var total = offset + edge.Rps * elapsed;
        // Fractional counters (valid in the text format) keep the ground truth exact in short windows.
        var failures = total * edge.FailureRatio;
        var successes = total - failures;
        text.AppendLine(Invariant($"response_total{{{labels},status_code=\"200\",classification=\"success\"}} {successes}"));
        text.AppendLine(Invariant($"response_total{{{labels},status_code=\"500\",classification=\"failure\"}} {failures}"));
        foreach (var (le, share) in Buckets)
        {
            latency.AppendLine(Invariant($"response_latency_ms_bucket{{{labels},le=\"{le}\"}} {total * share}"));
        }
        latency.AppendLine(Invariant($"response_latency_ms_count{{{labels}}} {total}"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
