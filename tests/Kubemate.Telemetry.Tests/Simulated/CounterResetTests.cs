using Kubemate.Telemetry.Tests.Support;
using System.Text.Json.Nodes;
using Kubemate.Sandbox.Simulation.Traffic;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Querying;
using Xunit.Abstractions;
using Kubemate.Cluster.Http;

namespace Kubemate.Telemetry.Tests.Simulated;

/// <summary>
/// Acceptance (issue #4, part 2): a crash restarts the proxy's counters from zero, and no rate computed across that
/// reset is negative, in either backend.
/// </summary>
[Collection(SimulatedTrafficCollection.Name)]
public sealed class CounterResetTests(SimulatedTrafficFixture fixture, ITestOutputHelper output)
{
    private const string FaultPath = "apis/sandbox.kubemate.io/v1alpha1/namespaces/orders/trafficfaults";
    private static readonly WorkloadRef Inventory = new("orders", "deployment", "inventory");
    private static readonly IReadOnlyList<LabelMatcher> InventoryInbound = [LinkerdSeries.Inbound, .. LinkerdSeries.Of(Inventory)];

    [Fact]
    public async Task A_crash_resets_the_counters_and_no_rate_across_the_reset_is_negative_in_either_backend()
    {
        var restartsBefore = await RestartsAsync();
        var start = DateTimeOffset.UtcNow;
        await fixture.CreateAsync(FaultPath, new TrafficFault("orders", "inventory-crash", "inventory", Crash: true).ToObject());
        try
        {
            await Eventually.Until(RestartsAsync, restarts => restarts.Count == 2 && restarts.All(pod => pod.Value > restartsBefore.GetValueOrDefault(pod.Key)),
                "both inventory pods restarted", TimeSpan.FromSeconds(60));
            var crashed = DateTimeOffset.UtcNow;
            await Eventually.True(() => Task.FromResult(DateTimeOffset.UtcNow > crashed + 8 * SimulatedTrafficFixture.ScrapeInterval),
                "scrapes after the restart", TimeSpan.FromSeconds(60));
            var end = DateTimeOffset.UtcNow - 2 * SimulatedTrafficFixture.ScrapeInterval;
            var range = QueryTime.Range(start - TimeSpan.FromSeconds(5), end, SimulatedTrafficFixture.ScrapeInterval);

            foreach (var backend in fixture.Backends)
            {
                var counters = await RangeAsync(backend, new MetricQuery(LinkerdSeries.Responses, QueryFunctionKind.Latest, TimeSpan.Zero, InventoryInbound, ["pod"]), range);
                Assert.Equal(2, counters.Count);
                foreach (var pod in counters)
                {
                    var values = pod.Points.Select(p => p.Value).ToList();
                    Assert.True(values.Zip(values.Skip(1)).Any(pair => pair.Second < pair.First),
                        $"{backend.Description}: {pod.Labels["pod"]}'s response_total never dropped: {string.Join(", ", values)}");
                }

                var rates = await RangeAsync(backend, new MetricQuery(LinkerdSeries.Responses, QueryFunctionKind.Rate, TimeSpan.FromSeconds(5), InventoryInbound, ["pod"]), range);
                var points = rates.SelectMany(s => s.Points).Where(p => !double.IsNaN(p.Value)).ToList();
                Assert.NotEmpty(points);
                output.WriteLine($"{backend.Description}: {points.Count} rate points across the reset, lowest {points.Min(p => p.Value):F2}/s");
                Assert.All(points, p => Assert.True(p.Value >= 0, $"{backend.Description}: negative rate {p.Value} at {p.Time:O}"));
            }

            // The golden metrics over a window spanning the reset still see the profile's rate (orders -> inventory, 20 rps).
            var window = SimulatedTrafficFixture.Window(TimeSpan.FromSeconds(15));
            var (viaPrometheus, viaEmbedded) = fixture.ServicesAt(end);
            foreach (var (name, service) in new[] { ("prometheus", viaPrometheus), ("embedded", viaEmbedded) })
            {
                var stat = (await service.WorkloadsAsync(["orders"], window, default)).Value!.Single(s => s.Workload == Inventory);
                output.WriteLine($"{name}: inventory {stat.Metrics.Rps:F2} rps over a window spanning the reset");
                Assert.True(stat.Metrics.Rps > 20 * 0.75 && stat.Metrics.Rps < 20 * 1.25, $"{name}: inventory at {stat.Metrics.Rps:F2} rps across the reset");
            }
        }
        finally
        {
            await fixture.DeleteAsync($"{FaultPath}/inventory-crash");
        }
    }

    /// <summary>Each inventory pod's restarts (summed over its containers).</summary>
    private async Task<Dictionary<string, int>> RestartsAsync()
    {
        var pods = await fixture.Api.SendAsync(HttpMethod.Get, "api/v1/namespaces/orders/pods?labelSelector=app%3Dinventory", null, null, default);
        return (pods["items"] as JsonArray ?? []).OfType<JsonObject>().ToDictionary(
            pod => pod["metadata"]!["name"]!.GetValue<string>(),
            pod => (pod["status"]?["containerStatuses"] as JsonArray ?? []).Sum(c => c?["restartCount"]?.GetValue<int>() ?? 0));
    }

    private static async Task<IReadOnlyList<SeriesResult>> RangeAsync(ITelemetryBackend backend, MetricQuery query, QueryTime range)
    {
        var result = await backend.QueryAsync(query, range, default);
        Assert.True(result.HasValue, $"{backend.Description}: {result.Unavailable?.Message}");
        return result.Value!;
    }
}
