using Kubemate.Telemetry.Embedded;

namespace Kubemate.Telemetry.Tests.Embedded;

public class PromFunctionsTests
{
    private static double? Increase(long[] seconds, double[] values, long start, long end, bool perSecond = false) =>
        PromFunctions.ExtrapolatedIncrease(seconds.Select(s => s * 1000).ToArray(), values, start * 1000, end * 1000, perSecond);

    [Fact]
    public void Increase_over_samples_covering_the_range_is_the_plain_difference()
    {
        Assert.Equal(60, Increase([0, 10, 20, 30, 40, 50, 60], [100, 110, 120, 130, 140, 150, 160], 0, 60));
    }

    [Fact]
    public void Increase_extrapolates_to_the_range_ends_within_the_sample_spacing()
    {
        // Samples at 5..55 every 10 s: 5 s to each end is within 1.1 intervals, so both gaps are added: 50 * 60/50.
        Assert.Equal(60, Increase([5, 15, 25, 35, 45, 55], [100, 110, 120, 130, 140, 150], 0, 60)!.Value, 9);
    }

    [Fact]
    public void Increase_extrapolates_only_half_an_interval_towards_a_far_range_end()
    {
        // Data only in the last 20 s of a 60 s range: the start side gets half an interval (5 s), not 40 s.
        Assert.Equal(25, Increase([40, 50, 60], [1000, 1010, 1020], 0, 60)!.Value, 9);
    }

    [Fact]
    public void Increase_does_not_extrapolate_before_the_counter_started_at_zero()
    {
        // Counter from 0 at t=40: the extrapolation to the start stops at zero.
        Assert.Equal(20, Increase([40, 50, 60], [0, 10, 20], 0, 60)!.Value, 9);
    }

    [Fact]
    public void A_counter_reset_adds_the_value_before_the_drop_and_never_goes_negative()
    {
        var increase = Increase([0, 10, 20, 30, 40, 50, 60], [100, 110, 120, 5, 15, 25, 35], 0, 60);

        Assert.Equal(55, increase);
        Assert.True(Increase([0, 30, 60], [500, 0, 1], 0, 60) >= 0);
    }

    [Fact]
    public void Rate_divides_by_the_range_in_seconds()
    {
        Assert.Equal(1.0, Increase([0, 10, 20, 30, 40, 50, 60], [0, 10, 20, 30, 40, 50, 60], 0, 60, perSecond: true)!.Value, 9);
    }

    [Fact]
    public void Fewer_than_two_samples_give_no_increase()
    {
        Assert.Null(Increase([10], [5], 0, 60));
        Assert.Null(Increase([], [], 0, 60));
    }

    [Fact]
    public void Histogram_quantile_interpolates_linearly_inside_the_bucket()
    {
        (double, double)[] buckets = [(10, 50), (20, 90), (50, 100), (double.PositiveInfinity, 100)];

        Assert.Equal(10, PromFunctions.HistogramQuantile(0.5, buckets), 9);
        Assert.Equal(5, PromFunctions.HistogramQuantile(0.25, buckets), 9);
        Assert.Equal(15, PromFunctions.HistogramQuantile(0.7, buckets), 9);
        Assert.Equal(47, PromFunctions.HistogramQuantile(0.99, buckets), 9);
    }

    [Fact]
    public void Histogram_quantile_in_the_inf_bucket_is_the_highest_finite_bound()
    {
        (double, double)[] buckets = [(10, 50), (20, 90), (double.PositiveInfinity, 100)];

        Assert.Equal(20, PromFunctions.HistogramQuantile(0.99, buckets));
    }

    [Fact]
    public void Histogram_quantile_without_observations_or_without_inf_bucket_is_nan()
    {
        Assert.True(double.IsNaN(PromFunctions.HistogramQuantile(0.5, [(10, 0), (double.PositiveInfinity, 0)])));
        Assert.True(double.IsNaN(PromFunctions.HistogramQuantile(0.5, [(10, 5), (20, 10)])));
        Assert.True(double.IsNaN(PromFunctions.HistogramQuantile(0.5, [])));
    }

    [Fact]
    public void Histogram_quantile_outside_zero_to_one_is_infinite_and_non_monotonic_counts_are_fixed()
    {
        (double, double)[] buckets = [(10, 50), (20, 40), (double.PositiveInfinity, 100)];

        Assert.Equal(double.NegativeInfinity, PromFunctions.HistogramQuantile(-0.1, buckets));
        Assert.Equal(double.PositiveInfinity, PromFunctions.HistogramQuantile(1.1, buckets));
        Assert.Equal(10, PromFunctions.HistogramQuantile(0.5, buckets), 9);
    }
}
