using Kubemate.Model.Edge;
using System.Globalization;
using System.Text;
using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Exposition;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Kubemate.Telemetry.Tests.Golden;

public class GatewayEntryTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private const int Scrapes = 40;

    /// <summary>
    /// The Bank estate (unmeshed -> shop/web at 12 rps) plus a Traefik pod in namespace traefik whose own metrics say it
    /// sent <paramref name="gatewayRps"/> to Service shop/web, 5% of it answered 503 and the rest 200.
    /// </summary>
    private static TelemetryService Seeded(double gatewayRps)
    {
        var clock = new FakeTimeProvider(Start);
        var store = new EmbeddedStore(new EmbeddedStoreOptions(), clock);
        Estates.Scrape(store, new ProxyTraffic(Start, Estates.Bank), Start, Scrapes);
        var labels = Estates.Labels(("job", GatewayConventions.Traefik.ScrapeJob), ("instance", "10.0.0.9:9100"), ("namespace", "traefik"), ("pod", "traefik-abc"));
        for (var i = 0; i < Scrapes; i++)
        {
            var at = Start + TimeSpan.FromSeconds(10 * i);
            store.Append("traefik/traefik/traefik-abc", labels, at, PrometheusTextParser.Parse(TraefikMetrics(gatewayRps, 10.0 * i)).Samples);
        }
        clock.SetUtcNow(Start + TimeSpan.FromSeconds(10 * (Scrapes - 1)));
        return new TelemetryService(store, options: TestMeshes.Options, clock: clock);
    }

    /// <summary>Traefik's counters after <paramref name="seconds"/>: requests by code, and durations all within 0.1-0.3 s.</summary>
    private static string TraefikMetrics(double rps, double seconds)
    {
        var total = 1000 + rps * seconds;
        var text = new StringBuilder();
        string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
        text.AppendLine("# TYPE traefik_service_requests_total counter");
        text.AppendLine($"traefik_service_requests_total{{code=\"200\",method=\"GET\",protocol=\"http\",service=\"shop-web-80@kubernetes\"}} {Format(total * 0.95)}");
        text.AppendLine($"traefik_service_requests_total{{code=\"503\",method=\"GET\",protocol=\"http\",service=\"shop-web-80@kubernetes\"}} {Format(total * 0.05)}");
        text.AppendLine($"traefik_service_requests_total{{code=\"200\",method=\"GET\",protocol=\"http\",service=\"prometheus@internal\"}} {Format(total)}");
        text.AppendLine("# TYPE traefik_service_request_duration_seconds histogram");
        foreach (var (le, share) in new[] { ("0.1", 0.0), ("0.3", 1.0), ("1.2", 1.0), ("5", 1.0), ("+Inf", 1.0) })
        {
            text.AppendLine($"traefik_service_request_duration_seconds_bucket{{code=\"200\",method=\"GET\",protocol=\"http\",service=\"shop-web-80@kubernetes\",le=\"{le}\"}} {Format(total * share)}");
        }
        text.AppendLine($"traefik_service_request_duration_seconds_sum{{code=\"200\",method=\"GET\",protocol=\"http\",service=\"shop-web-80@kubernetes\"}} {Format(total * 0.2)}");
        text.AppendLine($"traefik_service_request_duration_seconds_count{{code=\"200\",method=\"GET\",protocol=\"http\",service=\"shop-web-80@kubernetes\"}} {Format(total)}");
        return text.ToString();
    }

    [Theory]
    [InlineData("web-frontend-80@kubernetescrd", "web", "frontend")]
    [InlineData("shop-web-80@kubernetes", "shop", "web")]
    [InlineData("team-a-my-api-http@kubernetes", "team-a", "my-api")]
    public void Traefik_service_labels_name_the_namespace_and_service(string label, string ns, string service)
    {
        Assert.Equal((ns, service), TraefikService.Parse(label, ["web", "shop", "team", "team-a"]));
    }

    [Theory]
    [InlineData("prometheus@internal")]
    [InlineData("api@internal")]
    [InlineData("backend@file")]
    [InlineData("nodash@kubernetes")]
    public void Internal_and_non_kubernetes_traefik_services_are_not_backends(string label)
    {
        Assert.Null(TraefikService.Parse(label, ["web"]));
    }

    [Fact]
    public async Task The_gateway_is_the_entry_node_with_an_edge_to_its_backend_from_its_own_metrics()
    {
        var service = Seeded(gatewayRps: 12);

        var graph = (await service.TopologyAsync(null, TelemetryWindow.OneMinute, default)).Value!;

        var gateway = Assert.Single(graph.Nodes, n => n.Kind == "gateway");
        Assert.Equal(("traefik/deployment/traefik", "traefik", "traefik", true, false), (gateway.Id, gateway.Namespace, gateway.Name, gateway.Entry, gateway.Meshed));
        var edge = Assert.Single(graph.Edges, e => e.Source == gateway.Id);
        Assert.Equal("shop/deployment/web", edge.Target);
        Assert.Equal(12, edge.Rps, 0.3);
        Assert.Equal(0.95, edge.SuccessRate!.Value, 0.005);
        Assert.InRange(edge.LatencyP99Ms!.Value, 290, 300);
        Assert.False(edge.Mtls);
        Assert.DoesNotContain(graph.Edges, e => e.Source == "unmeshed" && e.Target == "shop/deployment/web");
        Assert.Equal(8, graph.Queries);
    }

    [Fact]
    public async Task Unidentified_traffic_the_gateway_does_not_explain_stays_an_unmeshed_edge()
    {
        var service = Seeded(gatewayRps: 6);

        var edges = (await service.EdgesAsync(null, TelemetryWindow.OneMinute, default)).Value!;

        var gatewayEdge = Assert.Single(edges, e => e.FromGateway);
        Assert.Equal(6, gatewayEdge.Metrics.Rps, 0.2);
        var rest = Assert.Single(edges, e => e.Source == WorkloadRef.Unmeshed);
        Assert.Equal("shop/deployment/web", rest.Destination.Id);
        Assert.Equal(12 - 6 * 0.95, rest.Metrics.Rps, 0.3);
    }

    [Fact]
    public async Task Gateway_edges_into_chosen_namespaces_show_and_others_do_not()
    {
        var service = Seeded(gatewayRps: 12);

        var shop = (await service.TopologyAsync(["shop"], TelemetryWindow.OneMinute, default)).Value!;
        var payments = (await service.TopologyAsync(["payments"], TelemetryWindow.OneMinute, default)).Value!;

        Assert.Contains(shop.Edges, e => e.Source == "traefik/deployment/traefik" && e.Target == "shop/deployment/web");
        Assert.Contains(shop.Nodes, n => n.Id == "traefik/deployment/traefik" && n.Kind == "gateway" && n.Entry);
        Assert.DoesNotContain(payments.Edges, e => e.Source == "traefik/deployment/traefik");
    }
}
