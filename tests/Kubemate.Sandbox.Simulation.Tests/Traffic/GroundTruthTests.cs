using System.Net;
using Kubemate.Sandbox.Simulation.Traffic;
using Kubemate.Testing;

namespace Kubemate.Sandbox.Simulation.Tests.Traffic;

/// <summary>The profile's rates, errors and latencies come back out of the scraped proxy metrics.</summary>
public sealed class GroundTruthTests(TrafficClusterFixture fixture) : IClassFixture<TrafficClusterFixture>
{
    private const string FrontendIdentity = "frontend.web.serviceaccount.identity.linkerd.cluster.local";
    private TrafficCluster Cluster => fixture.Cluster;

    private static TrafficEdge Edge(string from, string to) =>
        DemoTrafficProfile.Edges.Single(e => $"{e.FromNamespace}/{e.FromWorkload}" == from && $"{e.ToNamespace}/{e.ToService}" == to);

    [Fact]
    public async Task Request_rates_computed_from_two_scrapes_match_the_profile()
    {
        const int Seconds = 60;
        var ordersBefore = await Cluster.ScrapeAppAsync("orders", "orders");
        var frontendBefore = await Cluster.ScrapeAppAsync("web", "frontend");
        Cluster.Tick(Seconds);
        var ordersAfter = await Cluster.ScrapeAppAsync("orders", "orders");
        var frontendAfter = await Cluster.ScrapeAppAsync("web", "frontend");

        bool FromFrontend(Sample s) => s.Label("direction") == "inbound" && s.Label("client_id") == FrontendIdentity;
        bool FromGateway(Sample s) => s.Label("direction") == "inbound" && s.Label("tls") == "no_identity";
        var ordersRate = (ordersAfter.Sum("request_total", FromFrontend) - ordersBefore.Sum("request_total", FromFrontend)) / Seconds;
        var frontendRate = (frontendAfter.Sum("request_total", FromGateway) - frontendBefore.Sum("request_total", FromGateway)) / Seconds;

        Assert.InRange(ordersRate, Edge("web/frontend", "orders/orders").RequestsPerSecond * 0.95, Edge("web/frontend", "orders/orders").RequestsPerSecond * 1.05);
        Assert.InRange(frontendRate, Edge("traefik/traefik", "web/frontend").RequestsPerSecond * 0.95, Edge("traefik/traefik", "web/frontend").RequestsPerSecond * 1.05);
        // The caller's view of the same edge agrees with the callee's.
        bool ToOrders(Sample s) => s.Label("direction") == "outbound" && s.Label("dst_service") == "orders";
        Assert.Equal(ordersAfter.Sum("request_total", FromFrontend) - ordersBefore.Sum("request_total", FromFrontend),
            frontendAfter.Sum("request_total", ToOrders) - frontendBefore.Sum("request_total", ToOrders));
    }

    [Fact]
    public async Task Latency_buckets_follow_the_profiles_p50_and_p99()
    {
        Cluster.Tick(60);
        var samples = await Cluster.ScrapeAppAsync("web", "frontend");
        var edge = Edge("web/frontend", "orders/orders");
        var distribution = new LatencyDistribution(edge.P50Ms, edge.P99Ms);
        var buckets = samples.Where(s => s.Name == "response_latency_ms_bucket" && s.Label("direction") == "outbound" && s.Label("dst_service") == "orders")
            .GroupBy(s => s.Label("le"))
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
        var total = buckets["+Inf"];
        Assert.True(total > 1000, $"only {total} requests observed");
        foreach (var le in new[] { 5.0, 10, 20, 50, 100, 200 })
        {
            var observed = buckets[le.ToString(System.Globalization.CultureInfo.InvariantCulture)] / total;
            Assert.InRange(observed, distribution.Cdf(le) - 0.04, distribution.Cdf(le) + 0.04);
        }
        // histogram_quantile-style: the median lies in the bucket holding p50, the 99th percentile in the one holding p99.
        Assert.True(buckets["10"] / total < 0.5 && buckets["20"] / total >= 0.5);
        Assert.True(buckets["50"] / total < 0.99 && buckets["100"] / total >= 0.98);
    }

    [Fact]
    public async Task Error_rates_follow_the_profile()
    {
        var before = await Cluster.ScrapeAppAsync("web", "frontend");
        Cluster.Tick(120);
        var after = await Cluster.ScrapeAppAsync("web", "frontend");
        bool Inbound(Sample s) => s.Label("direction") == "inbound";
        bool Failed(Sample s) => Inbound(s) && s.Label("classification") == "failure";
        var total = after.Sum("response_total", Inbound) - before.Sum("response_total", Inbound);
        var failures = after.Sum("response_total", Failed) - before.Sum("response_total", Failed);
        Assert.Equal(6000, total);
        // 0.2% of 6000 is 12; a binomial spread of about 3.5 either way.
        Assert.InRange(failures, 2, 26);
        Assert.All(after.Where(Failed).Where(s => s.Name == "response_total"), s => Assert.Equal("500", s.Label("status_code")));
    }

    [Fact]
    public async Task Only_pods_with_a_proxy_serve_proxy_metrics()
    {
        var users = (await Cluster.PodsAsync("users", "app=users"))[0];
        var frontend = (await Cluster.PodsAsync("web", "app=frontend"))[0];
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Cluster.ProxyAsync("users", users, "4191", "metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Cluster.ProxyAsync("web", frontend, "4191", "metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Cluster.ProxyAsync("web", frontend, "linkerd-admin", "metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Cluster.ProxyAsync("web", frontend, "4191", "ready")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Cluster.ProxyAsync("web", frontend, "9100", "metrics")).StatusCode);
    }

    [Fact]
    public async Task Tls_is_true_only_between_meshed_pods_and_unmeshed_callers_have_no_identity()
    {
        Cluster.Tick(2);
        var frontend = await Cluster.ScrapeAppAsync("web", "frontend");
        var orders = await Cluster.ScrapeAppAsync("orders", "orders");

        var fromGateway = frontend.Where(s => s.Name == "request_total" && s.Label("direction") == "inbound").ToList();
        Assert.NotEmpty(fromGateway);
        Assert.All(fromGateway, s =>
        {
            Assert.Equal("no_identity", s.Label("tls"));
            Assert.Equal("no_tls_from_remote", s.Label("no_tls_reason"));
            Assert.False(s.Labels.ContainsKey("client_id"));
            Assert.Equal("frontend.web.svc.cluster.local:80", s.Label("authority"));
        });
        var fromFrontend = orders.Where(s => s.Name == "request_total" && s.Label("direction") == "inbound" && s.Label("client_id") == FrontendIdentity).ToList();
        Assert.NotEmpty(fromFrontend);
        Assert.All(fromFrontend, s => Assert.Equal("true", s.Label("tls")));

        var toOrders = frontend.First(s => s.Name == "request_total" && s.Label("dst_service") == "orders");
        Assert.Equal("true", toOrders.Label("tls"));
        Assert.Equal("orders.orders.serviceaccount.identity.linkerd.cluster.local", toOrders.Label("server_id"));
        Assert.Equal("linkerd", toOrders.Label("dst_control_plane_ns"));
        Assert.Equal("orders", toOrders.Label("dst_deployment"));
        Assert.Equal("orders", toOrders.Label("dst_serviceaccount"));
        Assert.StartsWith("orders-", toOrders.Label("dst_pod"));
        var toUsers = frontend.First(s => s.Name == "request_total" && s.Label("dst_service") == "users");
        Assert.Equal("no_identity", toUsers.Label("tls"));
        Assert.False(toUsers.Labels.ContainsKey("server_id"));
        Assert.False(toUsers.Labels.ContainsKey("dst_control_plane_ns"));
    }

    [Fact]
    public async Task The_exposition_is_well_formed_with_linkerd_proxy_label_order_and_bucket_bounds()
    {
        Cluster.Tick(2);
        var pod = (await Cluster.PodsAsync("orders", "app=orders"))[0];
        using var response = await Cluster.ProxyAsync("orders", pod, "4191", "metrics");
        var text = await response.Content.ReadAsStringAsync();
        var samples = Exposition.Parse(text);

        var bounds = samples.Where(s => s.Name == "response_latency_ms_bucket").Select(s => s.Label("le")).Distinct().ToList();
        Assert.Equal(["1", "2", "3", "4", "5", "10", "20", "30", "40", "50", "100", "200", "300", "400", "500", "1000", "2000", "3000", "4000", "5000", "10000", "20000", "30000", "40000", "50000", "+Inf"], bounds);
        Assert.Contains("# TYPE response_latency_ms histogram\n", text);
        Assert.Contains("# TYPE request_total counter\n", text);
        Assert.Matches(@"\nrequest_total\{direction=""inbound"",authority=""[^""]+"",target_addr=""[0-9.]+:8080"",target_ip=""[0-9.]+"",target_port=""8080"",tls=""true"",client_id=""[^""]+"",srv_kind=""default"",srv_name=""all-unauthenticated"",authz_kind=""default"",authz_name=""all-unauthenticated""\} \d+\n", text);
        Assert.Matches(@"\nresponse_total\{direction=""outbound"",authority=""inventory\.orders\.svc\.cluster\.local:9090"",target_addr=""[^""]+"",target_ip=""[^""]+"",target_port=""9090"",tls=""true"",server_id=""inventory\.orders\.serviceaccount\.identity\.linkerd\.cluster\.local"",dst_control_plane_ns=""linkerd"",dst_deployment=""inventory"",dst_namespace=""orders"",dst_pod=""inventory-[^""]+"",dst_pod_template_hash=""[^""]+"",dst_service=""inventory"",dst_serviceaccount=""inventory"",status_code=""200"",classification=""success"",grpc_status=""0""\} \d+\n", text);
        Assert.True(samples.Sum("inbound_http_authz_allow_total") > 0);
        var expiry = samples.Single(s => s.Name == "identity_cert_expiration_timestamp_seconds").Value;
        Assert.InRange(expiry, DateTimeOffset.UtcNow.AddHours(20).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddHours(25).ToUnixTimeSeconds());
        // tcp edges (orders -> postgres) carry only connections and bytes.
        Assert.Contains(samples, s => s.Name == "tcp_open_connections" && s.Label("dst_statefulset") == "postgres" && s.Label("tls") == "no_identity");
        Assert.DoesNotContain(samples, s => s.Name == "request_total" && s.Label("dst_service") == "postgres");
    }

    [Fact]
    public async Task Proxy_series_use_the_label_names_and_order_of_a_real_linkerd_proxy_dump()
    {
        var real = Exposition.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Fixtures, "linkerd-metrics", "linkerd2", "sampleMetrics.txt")));
        Cluster.Tick(2);
        var ours = await Cluster.ScrapeAppAsync("web", "frontend");
        foreach (var (name, direction) in new[]
        {
            ("request_total", "inbound"), ("response_total", "inbound"), ("response_latency_ms_bucket", "inbound"),
            ("inbound_http_authz_allow_total", ""), ("tcp_open_total", "inbound"), ("tcp_open_connections", "inbound"),
        })
        {
            bool Matches(Sample s) => s.Name == name && (direction == "" || s.Label("direction") == direction) && s.Label("tls") == "no_identity";
            var expected = real.First(Matches).LabelOrder;
            var actual = ours.First(Matches).LabelOrder;
            Assert.Empty(expected.Except(actual));
            Assert.Equal(expected, actual.Where(expected.Contains).ToList());
        }
        Assert.Equal(real.Select(s => s.Name).Where(n => n.StartsWith("identity_cert_expiration", StringComparison.Ordinal)).Distinct(),
            ours.Select(s => s.Name).Where(n => n.StartsWith("identity_cert_expiration", StringComparison.Ordinal)).Distinct());
    }

    [Fact]
    public async Task Traefik_pods_expose_service_and_entrypoint_series()
    {
        Cluster.Tick(5);
        var pods = await Cluster.PodsAsync("traefik", "app.kubernetes.io/name=traefik");
        var samples = new List<Sample>();
        foreach (var pod in pods)
        {
            samples.AddRange(await Cluster.ScrapeAsync("traefik", pod, "9100", "metrics"));
        }
        bool Frontend(Sample s) => s.Label("service") == "web-frontend-80@kubernetescrd";
        Assert.True(samples.Sum("traefik_service_requests_total", Frontend) > 0);
        Assert.Equal(samples.Sum("traefik_service_requests_total", Frontend), samples.Sum("traefik_entrypoint_requests_total", s => s.Label("entrypoint") == "websecure"));
        Assert.Equal(samples.Sum("traefik_service_requests_total", Frontend),
            samples.Sum("traefik_service_request_duration_seconds_bucket", s => Frontend(s) && s.Label("le") == "+Inf"));
        Assert.Equal(["0.1", "0.3", "1.2", "5", "+Inf"], samples.Where(s => s.Name == "traefik_service_request_duration_seconds_bucket").Select(s => s.Label("le")).Distinct());
        Assert.Equal(pods.Count, samples.Count(s => s.Name == "traefik_config_last_reload_success" && s.Value > 0));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Cluster.ProxyAsync("traefik", pods[0], "4191", "metrics")).StatusCode);
    }
}
