using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Host.Tests.Support;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Topology;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kubemate.Host.Tests.Api;

[Collection(HostCollection.Name)]
public sealed class HostSurfaceTests(HostFixture host)
{
    [Fact]
    public async Task Health_and_readiness_answer_when_the_cluster_and_audit_store_are_there()
    {
        using var client = ApiClient.Anonymous(host.Url);
        Assert.Equal("ok", await client.Http.GetStringAsync("/healthz"));
        Assert.Equal("ok", await client.Http.GetStringAsync("/readyz"));
    }

    [Fact]
    public async Task Readiness_is_a_503_problem_when_the_cluster_does_not_answer()
    {
        var unreachable = Kubemate.Cluster.Connection.ClusterConnection.ForEndpoint(
            new Uri("https://127.0.0.1:1/"), host.Sandbox.Certificates.Authority, "no-token");
        await using var down = await RunningHost.StartAsync(host.Options(host.FreshAuditStore()) with { Cluster = unreachable });
        using var client = ApiClient.Anonymous(down.Url);
        Assert.Equal("ok", await client.Http.GetStringAsync("/healthz"));
        using var ready = await client.GetAsync("/readyz");
        var problem = await Json.ProblemAsync(ready, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("does not answer", (string?)problem["detail"]);
    }

    [Fact]
    public async Task The_hosts_health_thresholds_are_the_ones_its_telemetry_classifies_with()
    {
        await using var app = KubemateHost.Build(host.Options(host.FreshAuditStore()) with { Health = new HealthThresholds(0.02, 0.25) });

        var telemetry = app.Services.GetRequiredService<TelemetryService>();

        Assert.Equal(new HealthThresholds(0.02, 0.25), telemetry.Health);
        Assert.Equal(HealthClass.Healthy, telemetry.Health.Classify(responses: 100, failures: 1));
        Assert.Equal(HealthClass.Degraded, telemetry.Health.Classify(responses: 100, failures: 20));
    }

    [Fact]
    public void Health_thresholds_out_of_order_are_refused_when_the_host_is_built()
    {
        var error = Assert.Throws<ArgumentException>(() => KubemateHost.Build(host.Options(host.FreshAuditStore()) with { Health = new HealthThresholds(0.3, 0.1) }));

        Assert.Contains("health", error.Message);
    }

    [Fact]
    public async Task Metrics_show_request_durations_by_endpoint_method_and_status()
    {
        using var client = host.Bearer("audrey");
        await client.GetJsonAsync("/api/v1/session");
        var metrics = await client.Http.GetStringAsync("/metrics");
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith("http_request_duration_seconds_count{", StringComparison.Ordinal)
            && l.Contains("endpoint=\"/api/v1/session", StringComparison.Ordinal) && l.Contains("method=\"GET\"", StringComparison.Ordinal)
            && l.Contains("code=\"200\"", StringComparison.Ordinal));
        Assert.True(line is not null, metrics);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_endpoints()
    {
        using var client = ApiClient.Anonymous(host.Url);
        var document = JsonNode.Parse(await client.Http.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var expected in new[]
        {
            "/api/v1/session", "/api/v1/namespaces", "/api/v1/namespaces/{ns}/mesh", "/api/v1/namespaces/{ns}/mesh/plan",
            "/api/v1/operations/{id}", "/api/v1/operations/{id}/events", "/api/v1/changesets/preview", "/api/v1/changesets/apply",
            "/api/v1/audit", "/api/v1/audit/export", "/api/v1/audit/verify", "/healthz", "/readyz",
        })
        {
            Assert.Contains(expected, paths);
        }
    }

    [Fact]
    public async Task Cluster_info_says_which_cluster_the_host_drives()
    {
        using var client = ApiClient.Anonymous(host.Url);
        var info = JsonNode.Parse(await client.Http.GetStringAsync("/api/v1/cluster"))!;
        Assert.Equal("sandbox", (string?)info["mode"]);
        Assert.Equal(host.Sandbox.Url.ToString(), (string?)info["server"]);
        Assert.Equal("linkerd", (string?)info["meshProvider"]);
    }

    [Fact]
    public async Task Unknown_paths_are_problem_details_too()
    {
        using var client = host.Bearer("alice");
        using var response = await client.GetAsync("/api/v1/nothing-here");
        await Json.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Hooks_add_services_and_endpoints_behind_the_same_sign_in()
    {
        await using var hooked = await RunningHost.StartAsync(host.Options(host.FreshAuditStore()) with
        {
            ConfigureServices = services => services.AddSingleton(new Greeting("hello")),
            ConfigureApp = app => app.MapGet("/console-probe", (Greeting greeting) => greeting.Text).RequireAuthorization(),
        });
        using var anonymous = ApiClient.Anonymous(hooked.Url);
        using var redirected = await anonymous.GetAsync("/console-probe");
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Contains("/account/signin?returnUrl=%2Fconsole-probe", redirected.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var audrey = ApiClient.WithBearer(hooked.Url, host.TokenOf("audrey"));
        Assert.Equal("hello", await audrey.Http.GetStringAsync("/console-probe"));
    }

    private sealed record Greeting(string Text);
}
