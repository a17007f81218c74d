using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Host.Telemetry;
using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Querying;
using Kubemate.Telemetry.Tests.Support;

namespace Kubemate.Telemetry.Tests.Host;

public sealed class TelemetryApiTests : IAsyncLifetime
{
    private readonly List<TelemetryTestHost> hosts = [];
    private readonly HttpClient http = new();

    private async Task<Uri> StartAsync(ITelemetryBackend backend, TimeProvider clock)
    {
        var host = await TelemetryTestHost.StartAsync(backend, clock);
        hosts.Add(host);
        return host.Url;
    }

    private async Task<Uri> SeededAsync()
    {
        var host = await TelemetryTestHost.SeededAsync();
        hosts.Add(host);
        return host.Url;
    }

    private async Task<(HttpStatusCode Status, string ContentType, JsonObject Body)> GetAsync(Uri root, string path)
    {
        using var response = await http.GetAsync(new Uri(root, path));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(text.Length > 0, $"{path}: HTTP {(int)response.StatusCode} with an empty body");
        var body = JsonNode.Parse(text)!.AsObject();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", body);
    }

    [Fact]
    public async Task Workloads_answers_inbound_golden_metrics_with_status_and_window()
    {
        var root = await SeededAsync();

        var (status, _, body) = await GetAsync(root, "/api/v1/telemetry/workloads?namespace=shop&window=1m");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", body["status"]!.GetValue<string>());
        Assert.Equal("1m", body["window"]!.GetValue<string>());
        var rows = body["data"]!.AsArray();
        Assert.Equal(["orders", "web"], rows.Select(r => r!["workload"]!["name"]!.GetValue<string>()));
        Assert.Equal(20, rows[0]!["metrics"]!["rps"]!.GetValue<double>(), 0.2);
    }

    [Theory]
    [InlineData("/api/v1/telemetry/workloads?window=2m", "window")]
    [InlineData("/api/v1/telemetry/topology?namespace=Not_A_Name", "namespace[0]")]
    [InlineData("/api/v1/telemetry/workloads/shop/pod/web", "kind")]
    [InlineData("/api/v1/telemetry/workloads/shop/deployment/web?series=yes", "series")]
    [InlineData("/api/v1/telemetry/splits/shop/orders?window=10s", "window")]
    public async Task Bad_parameters_are_problem_details_naming_the_field(string path, string field)
    {
        var root = await SeededAsync();

        var (status, contentType, body) = await GetAsync(root, path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.NotNull(body["errors"]![field]);
    }

    [Fact]
    public async Task Topology_of_several_namespaces_is_one_request()
    {
        var root = await SeededAsync();

        var (status, _, body) = await GetAsync(root, "/api/v1/telemetry/topology?namespace=shop&namespace=payments&window=1m");

        Assert.Equal(HttpStatusCode.OK, status);
        var nodes = body["data"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
        Assert.Contains("payments/deployment/payment", nodes);
        Assert.Contains("unmeshed", nodes);
        Assert.Contains(body["data"]!["nodes"]!.AsArray(), n => n!["name"]!.GetValue<string>() == "orders" && n["health"]!.GetValue<string>() == "failing");
    }

    [Fact]
    public async Task Workload_detail_edges_and_split_answer()
    {
        var root = await SeededAsync();

        var detail = await GetAsync(root, "/api/v1/telemetry/workloads/shop/deployment/web?window=1m&series=true");
        var edges = await GetAsync(root, "/api/v1/telemetry/edges?namespace=shop");
        var split = await GetAsync(root, "/api/v1/telemetry/splits/shop/orders?backend=orders");

        Assert.Equal(HttpStatusCode.OK, detail.Status);
        Assert.Equal(2, detail.Body["data"]!["outbound"]!.AsArray().Count);
        Assert.NotEmpty(detail.Body["data"]!["series"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, edges.Status);
        Assert.Contains(edges.Body["data"]!.AsArray(), e => e!["source"]!["kind"]!.GetValue<string>() == "unmeshed" && !e["secured"]!.GetValue<bool>());
        Assert.Equal("orders", split.Body["data"]!["backends"]![0]!["service"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unavailable_backend_is_a_typed_503_problem_never_a_500()
    {
        using var prometheusClient = new HttpClient();
        var unreachable = new Kubemate.Telemetry.Prometheus.PrometheusBackend(prometheusClient,
            new Kubemate.Telemetry.Prometheus.PrometheusOptions(new Uri($"http://127.0.0.1:{Prometheus.PrometheusProcess.FreePort()}/")));
        var root = await StartAsync(unreachable, TimeProvider.System);

        foreach (var path in new[] { "workloads", "edges", "topology", "workloads/shop/deployment/web?series=true", "splits/shop/orders" })
        {
            var (status, contentType, body) = await GetAsync(root, "/api/v1/telemetry/" + path);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("application/problem+json", contentType);
            Assert.Equal(TelemetryResults.UnavailableType, body["type"]!.GetValue<string>());
            Assert.Equal("unreachable", body["reason"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task An_empty_embedded_store_is_a_typed_503_with_reason_no_data()
    {
        var root = await StartAsync(new EmbeddedStore(), TimeProvider.System);

        var (status, _, body) = await GetAsync(root, "/api/v1/telemetry/topology");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("noData", body["reason"]!.GetValue<string>());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }
        http.Dispose();
    }
}
