using Kubemate.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Kubemate.Sandbox.Simulation.Tests.Traffic;

public sealed class TickClockTests
{
    [Fact]
    public async Task The_simulator_ticks_on_the_sandbox_clock_one_interval_of_traffic_per_tick()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var cluster = await TrafficCluster.StartAsync(clock: clock);
        var pods = await cluster.PodsAsync("web", "app=frontend");
        Assert.Equal(0, await FromGatewayAsync());

        // Each advance of one second lets one tick run (or none, if the simulator had not yet started waiting).
        await Eventually.Until(async () =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return await FromGatewayAsync();
        }, total => total >= 250, "five ticks of gateway traffic");
        // Once the clock stands still the traffic does too, at a whole number of ticks of 50 gateway requests.
        var settled = await Eventually.Until(async () => (First: await FromGatewayAsync(), Second: await FromGatewayAsync()),
            reads => reads.First == reads.Second, "the traffic to stop with the clock");
        Assert.Equal(0, settled.First % 50);

        async Task<double> FromGatewayAsync()
        {
            double total = 0;
            foreach (var pod in pods)
            {
                total += (await cluster.ScrapeAsync("web", pod)).Sum("request_total", s => s.Label("direction") == "inbound" && s.Label("tls") == "no_identity");
            }
            return total;
        }
    }
}
