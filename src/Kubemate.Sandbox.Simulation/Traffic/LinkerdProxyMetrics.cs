using System.Globalization;

namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>
/// linkerd-proxy's series, label names and order as the real proxy prints them (see the <c>proxy-metrics</c> dump
/// in the shared fixtures). Pod, namespace and deployment labels are not the proxy's: Prometheus adds them from
/// the scrape target, as Linkerd's scrape configuration does.
/// </summary>
public static class LinkerdProxyMetrics
{
    /// <summary>linkerd-proxy's latency histogram bounds, in milliseconds.</summary>
    public static IReadOnlyList<double> LatencyBounds { get; } =
        [1, 2, 3, 4, 5, 10, 20, 30, 40, 50, 100, 200, 300, 400, 500, 1000, 2000, 3000, 4000, 5000, 10000, 20000, 30000, 40000, 50000];

    /// <summary>Linkerd's default identity certificate lifetime: the proxy renews it well before.</summary>
    public static readonly TimeSpan CertificateLifetime = TimeSpan.FromHours(24);

    public static void Initialise(MetricSet metrics, DateTimeOffset started)
    {
        metrics.Gauge("identity_cert_expiration_timestamp_seconds", "Time when the this proxy's current mTLS identity certificate will expire (in seconds since the UNIX epoch).")
            .Set("", (started + CertificateLifetime).ToUnixTimeSeconds());
        metrics.Counter("identity_cert_refresh_count", "The total number of times this proxy's mTLS identity certificate has been refreshed by the Identity service.")
            .Set("", 1);
        metrics.Gauge("process_start_time_seconds", "Time that the process started (in seconds since the UNIX epoch)")
            .Set("", started.ToUnixTimeSeconds());
        metrics.Gauge("proxy_build_info", "Proxy build info")
            .Set(LabelText.Of(("git_branch", "HEAD"), ("git_sha", "sandbox"), ("git_version", "sandbox"), ("profile", "release"), ("rust_version", "sandbox")), 1);
    }

    /// <summary>The transport labels of the callee side: mTLS with the client's identity when the caller is meshed.</summary>
    public static string InboundTls(SimulatedPod? caller) =>
        caller is { LinkerdMeshed: true }
            ? LabelText.Of(("tls", "true"), ("client_id", caller.Identity))
            : LabelText.Of(("tls", "no_identity"), ("no_tls_reason", "no_tls_from_remote"));

    /// <summary>The transport labels of the caller side: mTLS with the server's identity when the callee is meshed.</summary>
    public static string OutboundTls(SimulatedPod callee) =>
        callee.LinkerdMeshed
            ? LabelText.Of(("tls", "true"), ("server_id", callee.Identity))
            : LabelText.Of(("tls", "no_identity"), ("no_tls_reason", "not_provided_by_service_discovery"));

    public static string Target(SimulatedPod pod, int port) =>
        LabelText.Of(("target_addr", $"{pod.Ip}:{port.ToString(CultureInfo.InvariantCulture)}"), ("target_ip", pod.Ip), ("target_port", port.ToString(CultureInfo.InvariantCulture)));

    public static string Server(AuthorizationDecision decision) => LabelText.Of(("srv_kind", decision.ServerKind), ("srv_name", decision.ServerName));

    public static string Authz(AuthorizationDecision decision) => LabelText.Of(("authz_kind", decision.AuthzKind), ("authz_name", decision.AuthzName));

    /// <summary>The labels of a request the callee's proxy received.</summary>
    public static string Inbound(string authority, SimulatedPod? caller, SimulatedPod callee, int port, AuthorizationDecision decision) =>
        string.Join(",", new[]
        {
            LabelText.Of(("direction", "inbound"), ("authority", authority)),
            Target(callee, port),
            InboundTls(caller),
            Server(decision),
            Authz(decision),
        }.Where(s => s.Length > 0));

    /// <summary>The labels of a request the caller's proxy sent: the transport, then the destination's metadata.</summary>
    public static string Outbound(string authority, SimulatedPod callee, int port, string service) =>
        LabelText.Join(LabelText.Of(("direction", "outbound"), ("authority", authority)), OutboundPeer(callee, port, service));

    public static string Destination(SimulatedPod callee, string service) => LabelText.Of(
        ("dst_control_plane_ns", callee.LinkerdMeshed ? "linkerd" : null),
        ("dst_" + callee.WorkloadKind, callee.Workload),
        ("dst_namespace", callee.Namespace),
        ("dst_pod", callee.Name),
        ("dst_pod_template_hash", callee.PodTemplateHash),
        ("dst_service", service),
        ("dst_serviceaccount", callee.ServiceAccount));

    public static void RecordHttp(MetricSet metrics, string labels, CallOutcome outcome)
    {
        metrics.Counter("request_total", "Total count of HTTP requests.").Add(labels, 1);
        var status = LabelText.Of(("status_code", outcome.StatusCode.ToString(CultureInfo.InvariantCulture)));
        metrics.Histogram("response_latency_ms", "Elapsed times between a request's headers being received and its response stream completing", LatencyBounds)
            .Observe(LabelText.Join(labels, status), outcome.LatencyMs);
        var response = LabelText.Join(labels, LabelText.Join(status, LabelText.Of(
            ("classification", outcome.Classification),
            ("grpc_status", outcome.GrpcStatus?.ToString(CultureInfo.InvariantCulture)))));
        metrics.Counter("response_total", "Total count of HTTP responses.").Add(response, 1);
    }

    public static void RecordAuthorization(MetricSet metrics, SimulatedPod? caller, SimulatedPod callee, int port, AuthorizationDecision decision)
    {
        var target = Target(callee, port);
        if (decision.Allowed)
        {
            metrics.Counter("inbound_http_authz_allow_total", "The total number of inbound HTTP requests that were authorized")
                .Add(string.Join(",", target, Server(decision), Authz(decision), InboundTls(caller)), 1);
        }
        else
        {
            metrics.Counter("inbound_http_authz_deny_total", "The total number of inbound HTTP requests that could not be processed due to a proxy error.")
                .Add(string.Join(",", target, Server(decision), InboundTls(caller)), 1);
        }
    }

    /// <summary>Counts a connection once per peer and the bytes it carried; <paramref name="labels"/> start with direction and peer.</summary>
    public static void RecordTcp(MetricSet metrics, string labels, bool opened, long readBytes, long writeBytes)
    {
        if (opened)
        {
            metrics.Counter("tcp_open_total", "Total count of opened connections").Add(labels, 1);
            metrics.Gauge("tcp_open_connections", "Number of currently-open connections").Add(labels, 1);
        }
        metrics.Counter("tcp_read_bytes_total", "Total count of bytes read from peers").Add(labels, readBytes);
        metrics.Counter("tcp_write_bytes_total", "Total count of bytes written to peers").Add(labels, writeBytes);
    }

    public static string TcpInbound(SimulatedPod? caller, SimulatedPod callee, int port, AuthorizationDecision decision) =>
        string.Join(",", LabelText.Of(("direction", "inbound"), ("peer", "src")), Target(callee, port), InboundTls(caller), Server(decision));

    public static string TcpOutbound(SimulatedPod callee, int port, string service) =>
        LabelText.Join(LabelText.Of(("direction", "outbound"), ("peer", "dst")), OutboundPeer(callee, port, service));

    /// <summary>What the caller's proxy knows of the endpoint it sent to: address, transport, destination metadata.</summary>
    private static string OutboundPeer(SimulatedPod callee, int port, string service) =>
        string.Join(",", new[] { Target(callee, port), OutboundTls(callee), Destination(callee, service) }.Where(s => s.Length > 0));
}
