using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Querying;
using static Kubemate.Telemetry.Tests.Support.SingleTarget;

namespace Kubemate.Telemetry.Tests.Embedded;

public class StoreLayoutTests
{
    private static async Task<double> Single(EmbeddedStore store, MetricQuery query, int atSecond) =>
        Assert.Single((await store.QueryAsync(query, QueryTime.Instant(Start.AddSeconds(atSecond)), default)).Value!).Last;

    [Fact]
    public async Task A_series_appearing_mid_window_uses_only_its_own_samples_of_the_shared_scrape_times()
    {
        var store = new EmbeddedStore();
        for (var i = 0; i <= 6; i++)
        {
            Append(store, i * 10, i < 3 ? $"a {i * 10}" : $"a {i * 10}\nb {100 + (i - 3) * 7}");
        }

        var b = await Single(store, new MetricQuery("b", QueryFunctionKind.Increase, TimeSpan.FromSeconds(60)), 60);

        var expected = PromFunctions.ExtrapolatedIncrease([30_000, 40_000, 50_000, 60_000], [100, 107, 114, 121], 0, 60_000, perSecond: false);
        Assert.Equal(expected!.Value, b, 12);
    }

    [Fact]
    public async Task A_repeated_sample_within_one_scrape_keeps_the_first_value()
    {
        var store = new EmbeddedStore();
        Append(store, 0, "g 5\ng 9");

        Assert.Equal(5, await Single(store, new MetricQuery("g", QueryFunctionKind.Latest, TimeSpan.Zero), 0));
    }

    [Fact]
    public async Task Non_integer_counters_keep_their_exact_values()
    {
        var store = new EmbeddedStore();
        double[] values = [0.1, 0.35, 12.7, 12.7000001, 40.25, 1.5];
        for (var i = 0; i < values.Length; i++)
        {
            Append(store, i * 10, $"c {values[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture)}");
        }

        var latest = await Single(store, new MetricQuery("c", QueryFunctionKind.Latest, TimeSpan.Zero), 50);
        var increase = await Single(store, new MetricQuery("c", QueryFunctionKind.Increase, TimeSpan.FromSeconds(60)), 50);

        var expected = PromFunctions.ExtrapolatedIncrease([0, 10_000, 20_000, 30_000, 40_000, 50_000], values, -10_000, 50_000, perSecond: false);
        Assert.Equal(1.5, latest);
        Assert.Equal(expected!.Value, increase, 12);
    }

    [Fact]
    public void Bucket_sums_in_any_order_give_the_same_quantile_as_the_reference()
    {
        (double Bound, double Count)[] buckets = [(50, 4), (10, 1), (double.PositiveInfinity, 9), (10, 1), (100, 3), (50, 2), (double.PositiveInfinity, 1)];
        var counts = new BucketCounts();
        foreach (var (bound, count) in buckets)
        {
            counts.Add(bound, count);
        }

        foreach (var q in new[] { 0.1, 0.5, 0.9, 0.99 })
        {
            Assert.Equal(PromFunctions.HistogramQuantile(q, buckets), counts.Quantile(q), 12);
        }
    }
}
