using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Prometheus;
using Kubemate.Telemetry.Querying;
using Kubemate.Telemetry.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Kubemate.Telemetry.Tests.Prometheus;

public class PrometheusBackendTests
{
    private static readonly MetricQuery Responses = new("response_total", QueryFunctionKind.Increase, TimeSpan.FromMinutes(1),
        [LabelMatcher.Is("direction", "inbound"), LabelMatcher.OneOf("namespace", ["shop", "a.b"])], ["namespace", "deployment"]);

    private static async Task<TelemetryResult<IReadOnlyList<SeriesResult>>> Ask(Uri url, TimeSpan? timeout = null)
    {
        using var http = new HttpClient();
        var backend = new PrometheusBackend(http, new PrometheusOptions(url) { Timeout = timeout ?? TimeSpan.FromSeconds(5) });
        return await backend.QueryAsync(Responses, QueryTime.Instant(DateTimeOffset.UtcNow), default);
    }

    [Fact]
    public void Translates_the_primitive_into_promql()
    {
        Assert.Equal("sum by (namespace, deployment) (increase(response_total{direction=\"inbound\",namespace=~\"shop|a\\\\.b\"}[60s]))", PromQl.Translate(Responses));
        Assert.Equal("histogram_quantile(0.99, sum by (le, dst_service) (rate(response_latency_ms_bucket{tls!=\"true\"}[300s])))",
            PromQl.Translate(new MetricQuery("response_latency_ms", QueryFunctionKind.Quantile, TimeSpan.FromMinutes(5), [LabelMatcher.IsNot("tls", "true")], ["dst_service"], 0.99)));
        Assert.Equal("sum by () (tcp_open_connections)", PromQl.Translate(new MetricQuery("tcp_open_connections", QueryFunctionKind.Latest, TimeSpan.Zero)));
    }

    [Fact]
    public async Task A_closed_port_is_unreachable()
    {
        var result = await Ask(new Uri($"http://127.0.0.1:{PrometheusProcess.FreePort()}/"));

        Assert.Equal(TelemetryStatus.Unavailable, result.Status);
        Assert.Equal(UnavailableReason.Unreachable, result.Unavailable!.Reason);
    }

    [Fact]
    public async Task An_http_500_page_is_a_bad_response_with_the_status()
    {
        await using var server = await FakePrometheusServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("<html>Internal Server Error</html>");
        });

        var result = await Ask(server.Url);

        Assert.Equal(UnavailableReason.BadResponse, result.Unavailable!.Reason);
        Assert.Equal(500, result.Unavailable.HttpStatus);
    }

    [Fact]
    public async Task A_prometheus_error_keeps_its_error_type_and_message()
    {
        await using var server = await FakePrometheusServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 503;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out in expression evaluation\"}");
        });

        var result = await Ask(server.Url);

        Assert.Equal(UnavailableReason.QueryError, result.Unavailable!.Reason);
        Assert.Equal("timeout", result.Unavailable.ErrorType);
        Assert.Contains("query timed out", result.Unavailable.Message);
    }

    [Fact]
    public async Task A_slow_backend_times_out()
    {
        await using var server = await FakePrometheusServer.StartAsync(async context => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));

        var result = await Ask(server.Url, TimeSpan.FromMilliseconds(300));

        Assert.Equal(UnavailableReason.Timeout, result.Unavailable!.Reason);
    }

    [Fact]
    public async Task Thanos_warnings_make_a_partial_result_that_still_has_the_data()
    {
        await using var server = await FakePrometheusServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""
                {"status":"success","warnings":["store eu-1 unavailable"],"data":{"resultType":"vector","result":[
                  {"metric":{"namespace":"shop","deployment":"web"},"value":[1700000000.5,"42"]}]}}
                """);
        });

        var result = await Ask(server.Url);

        Assert.Equal(TelemetryStatus.Partial, result.Status);
        Assert.Equal(["store eu-1 unavailable"], result.Warnings);
        var series = Assert.Single(result.Value!);
        Assert.Equal(42, series.Last);
        Assert.Equal("web", series.Labels["deployment"]);
    }

    [Fact]
    public async Task The_golden_metrics_service_passes_unavailability_through_without_throwing()
    {
        using var http = new HttpClient();
        var service = new TelemetryService(new PrometheusBackend(http, new PrometheusOptions(new Uri($"http://127.0.0.1:{PrometheusProcess.FreePort()}/"))), options: TestMeshes.Options);

        var workloads = await service.WorkloadsAsync(null, TelemetryWindow.OneMinute, default);
        var detail = await service.WorkloadAsync(new WorkloadRef("shop", "deployment", "web"), TelemetryWindow.OneMinute, series: true, default);

        Assert.Equal(UnavailableReason.Unreachable, workloads.Unavailable!.Reason);
        Assert.Equal(UnavailableReason.Unreachable, detail.Unavailable!.Reason);
    }
}
