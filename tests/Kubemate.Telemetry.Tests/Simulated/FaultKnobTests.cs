using Kubemate.Telemetry.Tests.Support;
using Kubemate.Sandbox.Simulation.Traffic;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Querying;
using Kubemate.Telemetry.Topology;
using Xunit.Abstractions;

namespace Kubemate.Telemetry.Tests.Simulated;

/// <summary>
/// Acceptance (issue #4, part 2): a TrafficFault knob shows up in both backends within two scrape intervals, and
/// stops when the fault is deleted.
/// </summary>
[Collection(SimulatedTrafficCollection.Name)]
public sealed class FaultKnobTests(SimulatedTrafficFixture fixture, ITestOutputHelper output)
{
    private const string FaultPath = "apis/sandbox.kubemate.io/v1alpha1/namespaces/payments/trafficfaults";
    private static readonly WorkloadRef Payment = new("payments", "deployment", "payment");

    /// <summary>Responses of payment's inbound over exactly two scrape intervals, by classification.</summary>
    private static readonly MetricQuery LastTwoScrapes = new(LinkerdSeries.Responses, QueryFunctionKind.Increase, 2 * SimulatedTrafficFixture.ScrapeInterval,
        [LinkerdSeries.Inbound, .. LinkerdSeries.Of(Payment)], ["classification"]);

    [Fact]
    public async Task An_error_rate_fault_shows_as_failures_within_two_scrape_intervals_and_stops_when_deleted()
    {
        var fault = new TrafficFault("payments", "payment-errors", "payment", ErrorRate: 0.5);
        await fixture.CreateAsync(FaultPath, fault.ToObject());
        var written = DateTimeOffset.UtcNow;
        try
        {
            foreach (var backend in fixture.Backends)
            {
                await Eventually.Until(() => ClassifiedAsync(backend), r => r.Failures > 0,
                    $"{backend.Description}: failures in payment's responses over the last two scrape intervals", TimeSpan.FromSeconds(60));
            }

            // Counted in scrapes, not seconds: the first or second scrape of a payment pod after the write shows new failures.
            var scrapes = await RawSamples.RangeVectorAsync(fixture.Http, fixture.Prometheus.Url,
                "up{job=\"linkerd-proxy\",namespace=\"payments\",deployment=\"payment\"}", TimeSpan.FromMinutes(1), DateTimeOffset.UtcNow);
            var failures = await RawSamples.RangeVectorAsync(fixture.Http, fixture.Prometheus.Url,
                "response_total{direction=\"inbound\",namespace=\"payments\",deployment=\"payment\",classification=\"failure\"}", TimeSpan.FromMinutes(1), DateTimeOffset.UtcNow);
            var untilVisible = RawSamples.ScrapesUntilGrowth(scrapes, failures, written);
            output.WriteLine($"scrapes after the write until failures grew: {string.Join(", ", untilVisible)}");
            Assert.Equal(2, untilVisible.Count);
            Assert.True(untilVisible.Values.Min() <= 2, $"scrapes after the write until failures grew, per pod: {string.Join(", ", untilVisible)}");

            // Once a 15 s window holds only faulty traffic, about half of payment's responses fail, in both backends and in the
            // graph. 8 rps give about 120 responses: one standard deviation of the success rate is under 5 points.
            var window = SimulatedTrafficFixture.Window(TimeSpan.FromSeconds(15));
            var since = DateTimeOffset.UtcNow;
            await Eventually.True(() => Task.FromResult(DateTimeOffset.UtcNow > since + window.Duration + 3 * SimulatedTrafficFixture.ScrapeInterval),
                "a window of faulty traffic", TimeSpan.FromSeconds(60));
            var (viaPrometheus, viaEmbedded) = fixture.ServicesAt(DateTimeOffset.UtcNow - 2 * SimulatedTrafficFixture.ScrapeInterval);
            foreach (var service in new[] { viaPrometheus, viaEmbedded })
            {
                var stat = (await service.WorkloadsAsync(["payments"], window, default)).Value!.Single(s => s.Workload == Payment);
                output.WriteLine($"{service.Backend.Description}: payment success rate {stat.Metrics.SuccessRate:F3} under the fault");
                Assert.InRange(stat.Metrics.SuccessRate!.Value, 0.30, 0.70);
                var graph = (await service.TopologyAsync(["payments"], window, default)).Value!;
                Assert.Equal(HealthClass.Failing, graph.Nodes.Single(n => n.Id == Payment.Id).Health);
                Assert.Equal(HealthClass.Failing, graph.Edges.Single(e => e.Source == "orders/deployment/orders" && e.Target == Payment.Id).Health);
            }
        }
        finally
        {
            await fixture.DeleteAsync($"{FaultPath}/payment-errors");
        }

        foreach (var backend in fixture.Backends)
        {
            await Eventually.Until(() => ClassifiedAsync(backend), r => r.Failures == 0 && r.Successes > 0,
                $"{backend.Description}: responses but no failures over the last two scrape intervals after the fault is gone", TimeSpan.FromSeconds(60));
        }
    }

    private static async Task<(double Successes, double Failures)> ClassifiedAsync(ITelemetryBackend backend)
    {
        var result = await backend.QueryAsync(LastTwoScrapes, QueryTime.Instant(DateTimeOffset.UtcNow), default);
        Assert.True(result.HasValue, $"{backend.Description}: {result.Unavailable?.Message}");
        double Sum(string classification) => result.Value!.Where(s => s.Labels["classification"] == classification)
            .Select(s => s.Last).Where(v => !double.IsNaN(v)).Sum();
        return (Sum("success"), Sum("failure"));
    }
}
