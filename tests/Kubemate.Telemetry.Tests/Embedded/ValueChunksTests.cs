using Kubemate.Telemetry.Embedded;

namespace Kubemate.Telemetry.Tests.Embedded;

public class ValueChunksTests
{
    private sealed class Ring(int capacity) : ValueChunks(capacity);

    private static double[] ReadAll(ValueChunks ring, long first, int count)
    {
        var values = new double[count];
        ring.Read(first, values);
        return values;
    }

    [Fact]
    public void Whole_number_steps_of_every_width_round_trip_bit_for_bit()
    {
        var ring = new Ring(362);
        double[] values = [7, 7, 8, 261, 70_000, 70_000, 4_000_000_000, 4_000_000_001];
        for (var i = 0; i < values.Length; i++)
        {
            ring.Append(i, values[i]);
        }

        Assert.Equal(values, ReadAll(ring, 0, values.Length));
    }

    [Fact]
    public void Fractions_drops_and_huge_values_fall_back_to_raw_doubles_without_loss()
    {
        var ring = new Ring(362);
        double[] values = [100, 110, 0.1, 0.30000000000000004, 3, 1e300, -5, 1e16 + 2, 1e16 + 4, 0, -0.0];
        for (var i = 0; i < values.Length; i++)
        {
            ring.Append(i, values[i]);
        }

        var read = ReadAll(ring, 0, values.Length);

        Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), read.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Negative_zero_after_a_whole_number_step_keeps_its_sign()
    {
        var ring = new Ring(362);
        ring.Append(0, 0);
        ring.Append(1, -0.0);

        Assert.True(double.IsNegative(ReadAll(ring, 0, 2)[1]));
    }

    [Fact]
    public void Absent_scrapes_read_as_nan_and_steps_continue_from_the_last_present_value()
    {
        var ring = new Ring(362);
        ring.Append(0, 10);
        ring.Append(2, 15);
        ring.Append(3, double.NaN);
        ring.Append(4, 300);

        var read = ReadAll(ring, 0, 6);

        Assert.Equal([10, double.NaN, 15, double.NaN, 300, double.NaN], read);
    }

    [Fact]
    public void The_ring_wraps_and_forgets_chunks_older_than_the_capacity()
    {
        var ring = new Ring(10);
        for (var i = 0; i < 300; i++)
        {
            ring.Append(i, i * 3);
        }

        Assert.All(ReadAll(ring, 0, 64), v => Assert.True(double.IsNaN(v)));
        Assert.Equal(Enumerable.Range(290, 10).Select(i => i * 3.0), ReadAll(ring, 290, 10));
    }

    [Fact]
    public void Chunks_skipped_while_a_series_was_absent_hold_no_stale_values()
    {
        var ring = new Ring(362);
        for (var i = 0; i < 10; i++)
        {
            ring.Append(i, i);
        }
        ring.Append(64 * 7 + 3, 500);

        var read = ReadAll(ring, 64 * 7, 8);

        Assert.Equal([double.NaN, double.NaN, double.NaN, 500, double.NaN, double.NaN, double.NaN, double.NaN], read);
        Assert.All(ReadAll(ring, 0, 64), v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Idle_counters_take_one_byte_per_scrape()
    {
        var ring = new Ring(362);
        for (var i = 0; i < 64; i++)
        {
            ring.Append(i, 1_000_000 + i * 100);
        }

        // One 64-scrape chunk: 8-byte first value and 64 one-byte steps, plus the chunk table and array headers.
        Assert.Equal(24 + 7 * 8 + 24 + 8 + 64, ring.ApproximateBytes());
    }
}
