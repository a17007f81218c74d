using Bunit;
using Kubemate.WebConsole.Telemetry;
using Kubemate.Telemetry;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Prometheus;

namespace Kubemate.WebConsole.Tests.Telemetry;

public sealed class TelemetryUnavailableNoticeTests() : ConsoleTestContext("en")
{
    /// <summary>A real Prometheus backend pointed at a loopback port nothing listens on.</summary>
    private static async Task<(TelemetryResult<Kubemate.Telemetry.Topology.TopologyGraph> Result, string Backend)> UnreachableAsync()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var backend = new PrometheusBackend(new HttpClient(), new PrometheusOptions(new Uri($"http://127.0.0.1:{port}")));
        var result = await new TelemetryService(backend, options: TestMeshes.Options).TopologyAsync(null, TelemetryWindow.OneMinute, default);
        return (result, backend.Description);
    }

    [Fact]
    public async Task An_unreachable_prometheus_is_explained_in_place_with_what_to_do()
    {
        var (result, backend) = await UnreachableAsync();

        var notice = Render<TelemetryUnavailableNotice>(p => p.Add(n => n.Unavailable, result.Unavailable).Add(n => n.Backend, backend));

        Assert.Equal(UnavailableReason.Unreachable, result.Unavailable!.Reason);
        Assert.Contains("Metrics are unavailable", notice.Markup);
        var hint = notice.Find("[data-testid='telemetry-hint']").TextContent;
        Assert.Contains(backend, hint);
        Assert.Contains("--prometheus", hint);
    }

    [Fact]
    public async Task The_explanation_is_in_chinese_for_chinese_users()
    {
        UseCulture("zh-CN");
        var (result, backend) = await UnreachableAsync();

        var notice = Render<TelemetryUnavailableNotice>(p => p.Add(n => n.Unavailable, result.Unavailable).Add(n => n.Backend, backend));

        Assert.Contains("指标不可用", notice.Markup);
        Assert.Contains("无法连接指标后端", notice.Find("[data-testid='telemetry-hint']").TextContent);
    }

    [Fact]
    public void An_empty_embedded_store_asks_to_wait_for_a_scrape()
    {
        var notice = Render<TelemetryUnavailableNotice>(p => p
            .Add(n => n.Unavailable, new TelemetryUnavailable(UnavailableReason.NoData, "no scrape has completed"))
            .Add(n => n.Backend, "embedded"));

        Assert.Contains("No metrics yet", notice.Markup);
        Assert.Contains("wait one scrape interval", notice.Find("[data-testid='telemetry-hint']").TextContent);
    }

    [Fact]
    public void A_partial_answer_shows_its_warnings()
    {
        var notice = Render<TelemetryUnavailableNotice>(p => p.Add(n => n.Warnings, ["the workload list is unavailable"]));

        Assert.Contains("the workload list is unavailable", notice.Find("[data-testid='telemetry-partial']").TextContent);
    }

    [Fact]
    public void A_complete_answer_shows_nothing()
    {
        var notice = Render<TelemetryUnavailableNotice>(p => p.Add(n => n.Warnings, []));

        Assert.Empty(notice.Markup.Trim());
    }

    [Fact]
    public void Retry_asks_the_page_to_read_again()
    {
        var retried = false;
        var notice = Render<TelemetryUnavailableNotice>(p => p
            .Add(n => n.Unavailable, new TelemetryUnavailable(UnavailableReason.Timeout, "timed out"))
            .Add(n => n.OnRetry, () => retried = true));

        notice.Find("[data-testid='telemetry-retry']").Click();

        Assert.True(retried);
    }
}
