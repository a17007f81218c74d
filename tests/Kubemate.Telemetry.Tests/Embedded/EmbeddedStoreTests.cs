using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Querying;
using Kubemate.Telemetry.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Kubemate.Telemetry.Tests.Support.SingleTarget;

namespace Kubemate.Telemetry.Tests.Embedded;

public class EmbeddedStoreTests
{
    private static async Task<IReadOnlyList<SeriesResult>> Query(EmbeddedStore store, MetricQuery query, int atSecond) =>
        (await store.QueryAsync(query, QueryTime.Instant(Start.AddSeconds(atSecond)), default)).Value!;

    [Fact]
    public async Task A_proxy_restart_never_gives_a_negative_rate()
    {
        var store = new EmbeddedStore();
        var values = new[] { 100, 110, 120, 130, 3, 13, 23 };
        for (var i = 0; i < values.Length; i++)
        {
            Append(store, i * 10, $"requests_total {values[i]}");
        }

        var rate = await Query(store, new MetricQuery("requests_total", QueryFunctionKind.Rate, TimeSpan.FromSeconds(60)), 60);

        // 30 before the restart, then 3 and 20 after it: the drop adds back the 130 it lost.
        Assert.Equal(53.0 / 60, Assert.Single(rate).Last, 6);
    }

    [Fact]
    public async Task Target_labels_win_and_clashing_scraped_labels_are_kept_as_exported()
    {
        var store = new EmbeddedStore();
        Append(store, 0, "m{namespace=\"other\",x=\"1\"} 1");

        var result = await Query(store, new MetricQuery("m", QueryFunctionKind.Latest, TimeSpan.Zero, groupBy: ["namespace", "exported_namespace", "x"]), 0);

        Assert.Equal(Estates.Labels(("namespace", "shop"), ("exported_namespace", "other"), ("x", "1")), Assert.Single(result).Labels);
    }

    [Fact]
    public async Task A_failed_scrape_sets_up_to_zero_and_leaves_a_gap()
    {
        var store = new EmbeddedStore();
        Append(store, 0, "g 5");
        store.AppendFailure("t", Target, Start.AddSeconds(10));

        var up = await Query(store, new MetricQuery("up", QueryFunctionKind.Latest, TimeSpan.Zero), 10);
        var gauge = await Query(store, new MetricQuery("g", QueryFunctionKind.Latest, TimeSpan.Zero), 10);

        Assert.Equal(0, Assert.Single(up).Last);
        Assert.Equal(5, Assert.Single(gauge).Last);
    }

    [Fact]
    public async Task Matchers_select_series_and_sum_by_groups_them()
    {
        var store = new EmbeddedStore();
        Append(store, 0, "c{d=\"in\",k=\"a\"} 0\nc{d=\"in\",k=\"b\"} 0\nc{d=\"out\",k=\"a\"} 0");
        Append(store, 60, "c{d=\"in\",k=\"a\"} 60\nc{d=\"in\",k=\"b\"} 120\nc{d=\"out\",k=\"a\"} 600");

        var increase = await Query(store, new MetricQuery("c", QueryFunctionKind.Increase, TimeSpan.FromSeconds(60),
            [LabelMatcher.Is("d", "in")], ["d"]), 60);
        var regex = await Query(store, new MetricQuery("c", QueryFunctionKind.Increase, TimeSpan.FromSeconds(60),
            [new LabelMatcher("k", MatchOperator.Regex, "b|c")], []), 60);

        Assert.Equal(180, Assert.Single(increase).Last);
        Assert.Equal(120, Assert.Single(regex).Last);
    }

    [Fact]
    public async Task Rings_are_bounded_by_the_retention()
    {
        var clock = new FakeTimeProvider(Start);
        var store = new EmbeddedStore(new EmbeddedStoreOptions { Retention = TimeSpan.FromMinutes(1), ScrapeInterval = TimeSpan.FromSeconds(10) }, clock);
        for (var i = 0; i < 100; i++)
        {
            Append(store, i * 10, $"c {i * 10}");
        }

        var old = await Query(store, new MetricQuery("c", QueryFunctionKind.Increase, TimeSpan.FromSeconds(60)), 300);
        var recent = await Query(store, new MetricQuery("c", QueryFunctionKind.Increase, TimeSpan.FromSeconds(60)), 990);

        Assert.Empty(old);
        Assert.Equal(60, Assert.Single(recent).Last, 6);
    }

    [Fact]
    public async Task Range_queries_give_one_point_per_step()
    {
        var store = new EmbeddedStore();
        for (var i = 0; i <= 12; i++)
        {
            Append(store, i * 10, $"c {i * 100}");
        }

        var result = await store.QueryAsync(new MetricQuery("c", QueryFunctionKind.Rate, TimeSpan.FromSeconds(30)),
            QueryTime.Range(Start.AddSeconds(60), Start.AddSeconds(120), TimeSpan.FromSeconds(20)), default);

        var series = Assert.Single(result.Value!);
        Assert.Equal(4, series.Points.Count);
        Assert.All(series.Points, p => Assert.Equal(10, p.Value, 6));
    }

    [Fact]
    public async Task Instants_before_the_first_sample_have_no_value()
    {
        var store = new EmbeddedStore();
        Append(store, 100, "c 1");
        Append(store, 110, "c 2");

        var result = await store.QueryAsync(new MetricQuery("c", QueryFunctionKind.Rate, TimeSpan.FromSeconds(30)),
            QueryTime.Range(Start, Start.AddSeconds(120), TimeSpan.FromSeconds(30)), default);

        var series = Assert.Single(result.Value!);
        Assert.Equal([Start.AddSeconds(120)], series.Points.Select(p => p.Time));
    }
}
