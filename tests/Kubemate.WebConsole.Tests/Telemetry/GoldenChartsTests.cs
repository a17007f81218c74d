using Bunit;
using Kubemate.WebConsole.Telemetry;
using Kubemate.Telemetry.Golden;

namespace Kubemate.WebConsole.Tests.Telemetry;

public sealed class GoldenChartsTests() : ConsoleTestContext("zh-CN")
{
    [Fact]
    public void A_series_is_drawn_as_three_charts_with_localised_titles()
    {
        var start = DateTimeOffset.Parse("2026-11-25T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var points = Enumerable.Range(0, 12).Select(i => new GoldenPoint(start.AddSeconds(15 * i), 10 + i, i == 3 ? null : 0.99, 5, 9, 20)).ToList();

        var charts = Render<GoldenCharts>(p => p.Add(c => c.Points, points));

        foreach (var chart in new[] { "chart-rps", "chart-success", "chart-latency" })
        {
            Assert.NotEmpty(charts.FindAll($"[data-testid='{chart}'] svg path"));
        }
        Assert.Contains("p95", charts.Find("[data-testid='chart-latency']").TextContent);
        Assert.Contains("每秒请求数", charts.Markup);
        Assert.Contains("延迟（毫秒）", charts.Markup);
    }

    [Fact]
    public void No_series_says_so()
    {
        var charts = Render<GoldenCharts>(p => p.Add(c => c.Points, []));

        Assert.Equal("此时间窗口暂无时间序列。", charts.Find("[data-testid='no-series']").TextContent);
    }

    [Fact]
    public void Choosing_a_window_reports_it()
    {
        TelemetryWindow? chosen = null;
        var selector = Render<TelemetryWindowSelector>(p => p
            .Add(s => s.Window, TelemetryWindow.OneMinute)
            .Add(s => s.WindowChanged, w => chosen = w));

        selector.FindAll(".mud-toggle-item").Single(b => b.TextContent.Trim() == "15m").Click();

        Assert.Equal(TelemetryWindow.Parse("15m"), chosen);
    }
}
