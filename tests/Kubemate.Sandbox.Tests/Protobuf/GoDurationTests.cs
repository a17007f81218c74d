using Kubemate.Sandbox.Protobuf.Types;

namespace Kubemate.Sandbox.Tests.Protobuf;

public class GoDurationTests
{
    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(1L, "1ns")]
    [InlineData(1_500L, "1.5µs")]
    [InlineData(300_000_000L, "300ms")]
    [InlineData(1_500_000_000L, "1.5s")]
    [InlineData(90_000_000_000L, "1m30s")]
    [InlineData(3_600_000_000_000L, "1h0m0s")]
    [InlineData(3_723_000_000_001L, "1h2m3.000000001s")]
    [InlineData(-2_000_000_000L, "-2s")]
    public void Durations_read_as_Go_prints_them(long nanoseconds, string expected) =>
        Assert.Equal(expected, GoDuration.Format(nanoseconds));

    [Fact]
    public void The_most_negative_duration_does_not_overflow() =>
        Assert.Equal("-2562047h47m16.854775808s", GoDuration.Format(long.MinValue));
}
