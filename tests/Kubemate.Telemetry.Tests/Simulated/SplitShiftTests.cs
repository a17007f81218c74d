using System.Text.Json.Nodes;
using Kubemate.Telemetry.Golden;
using Xunit.Abstractions;
using Kubemate.Cluster.Http;

namespace Kubemate.Telemetry.Tests.Simulated;

/// <summary>
/// Acceptance (issue #4, part 2): changing a traffic split's weights shifts the measured backend RPS ratio
/// accordingly, in both backends (<see cref="TelemetryService.SplitAsync"/>, callers' outbound by <c>dst_service</c>).
/// </summary>
[Collection(SimulatedTrafficCollection.Name)]
public sealed class SplitShiftTests(SimulatedTrafficFixture fixture, ITestOutputHelper output)
{
    private const string RoutePath = "apis/gateway.networking.k8s.io/v1/namespaces/orders/httproutes";
    private static readonly TelemetryWindow Window = SimulatedTrafficFixture.Window(TimeSpan.FromSeconds(20));

    /// <summary>
    /// frontend calls orders at 20 rps and each call picks a backend at random by weight: a 20 s window holds about 400
    /// calls, so a share p has a standard deviation of sqrt(p(1-p)/400) (1.5 points at 10 %, 2.5 at 50 %). Four of them
    /// plus a point is well beyond chance and still far from the other weight.
    /// </summary>
    private static double ShareTolerance(double share) => 4 * Math.Sqrt(share * (1 - share) / 400) + 0.01;

    [Fact]
    public async Task Changing_the_httproute_weights_shifts_the_measured_backend_rps_ratio_in_both_backends()
    {
        await AddCanaryAsync();
        await fixture.CreateAsync(RoutePath, Route(90, 10));
        try
        {
            await AssertShareAsync(0.10);

            await fixture.Api.SendAsync(HttpMethod.Patch, $"{RoutePath}/orders-split", Route(50, 50), "application/merge-patch+json", default);
            await AssertShareAsync(0.50);
        }
        finally
        {
            await fixture.DeleteAsync($"{RoutePath}/orders-split");
            await fixture.DeleteAsync("apis/apps/v1/namespaces/orders/deployments/orders-v2");
            await fixture.DeleteAsync("api/v1/namespaces/orders/services/orders-v2");
            await Eventually.Until(async () => await fixture.Api.SendAsync(HttpMethod.Get, "api/v1/namespaces/orders/pods?labelSelector=version%3Dv2", null, null, default),
                pods => (pods["items"] as JsonArray ?? []).Count == 0, "the canary's pods gone", TimeSpan.FromSeconds(60));
        }
    }

    /// <summary>Waits until a whole window has passed since the change, then reads both backends at one instant.</summary>
    private async Task AssertShareAsync(double canaryShare)
    {
        var changed = DateTimeOffset.UtcNow;
        await Eventually.True(() => Task.FromResult(DateTimeOffset.UtcNow > changed + Window.Duration + 4 * SimulatedTrafficFixture.ScrapeInterval),
            "a window of traffic under the new weights", TimeSpan.FromSeconds(60));
        var (viaPrometheus, viaEmbedded) = fixture.ServicesAt(DateTimeOffset.UtcNow - 2 * SimulatedTrafficFixture.ScrapeInterval);
        var shares = new List<double>();
        foreach (var (name, service) in new[] { ("prometheus", viaPrometheus), ("embedded", viaEmbedded) })
        {
            var split = (await service.SplitAsync("orders", "orders", ["orders-v1", "orders-v2"], Window, default)).Value!;
            var v1 = split.Backends.Single(b => b.Service == "orders-v1").Metrics.Rps;
            var v2 = split.Backends.Single(b => b.Service == "orders-v2").Metrics.Rps;
            var share = v2 / (v1 + v2);
            output.WriteLine($"{name}: orders-v1 {v1:F2} rps, orders-v2 {v2:F2} rps, canary share {share:P1} (weights give {canaryShare:P0})");
            Assert.True(Math.Abs(share - canaryShare) <= ShareTolerance(canaryShare), $"{name}: orders-v2 has {share:P1} of {v1 + v2:F1} rps, expected {canaryShare:P0}");
            // Sanity check on the sum, looser than the workload comparison: the backends' series are younger than a minute here.
            Assert.True(Math.Abs(v1 + v2 - 20) <= 20 * 0.15, $"{name}: frontend -> orders at {v1 + v2:F2} rps in total, expected 20 ± 15 %");
            shares.Add(share);
        }
        Assert.True(Math.Abs(shares[0] - shares[1]) <= 0.03,
            $"the backends disagree on the canary's share: prometheus {shares[0]:P1}, embedded {shares[1]:P1}");
    }

    /// <summary>The canary of docs/demo-estate.md: Deployment orders-v2 (pods app=orders, version=v2) and Service orders-v2.</summary>
    private async Task AddCanaryAsync()
    {
        var stable = (await fixture.Api.GetOrNullAsync("apis/apps/v1/namespaces/orders/deployments/orders", default))!;
        var spec = stable["spec"]!.DeepClone().AsObject();
        spec["replicas"] = 2;
        spec["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "orders", ["version"] = "v2" } };
        spec["template"]!["metadata"]!["labels"]!["version"] = "v2";
        await fixture.CreateAsync("apis/apps/v1/namespaces/orders/deployments", new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = "orders-v2", ["namespace"] = "orders" },
            ["spec"] = spec,
        });
        await fixture.CreateAsync("api/v1/namespaces/orders/services", JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"orders-v2","namespace":"orders"},
             "spec":{"selector":{"app":"orders","version":"v2"},"ports":[{"name":"http","port":8080,"targetPort":"http"}]}}
            """)!.AsObject());
        await Eventually.Until(async () => await fixture.Api.GetOrNullAsync("api/v1/namespaces/orders/endpoints/orders-v2", default),
            endpoints => (endpoints?["subsets"] as JsonArray ?? []).Sum(s => (s?["addresses"] as JsonArray)?.Count ?? 0) == 2,
            "2 ready endpoints of orders/orders-v2", TimeSpan.FromSeconds(60));
    }

    private static JsonObject Route(int stable, int canary) => JsonNode.Parse($$$"""
        {"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"orders-split","namespace":"orders"},
         "spec":{"parentRefs":[{"group":"core","kind":"Service","name":"orders","port":8080}],
                 "rules":[{"backendRefs":[{"name":"orders-v1","port":8080,"weight":{{{stable}}}},{"name":"orders-v2","port":8080,"weight":{{{canary}}}}]}]}}
        """)!.AsObject();
}
