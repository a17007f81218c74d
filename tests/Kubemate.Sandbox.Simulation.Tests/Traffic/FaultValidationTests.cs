using System.Net;

namespace Kubemate.Sandbox.Simulation.Tests.Traffic;

/// <summary>The TrafficFault CRD's schema rejects bad input with a 422 naming the field.</summary>
public sealed class FaultValidationTests
{
    private const string Faults = "/apis/sandbox.kubemate.io/v1alpha1/namespaces/default/trafficfaults";

    [Fact]
    public async Task A_bad_trafficfault_is_rejected_with_the_field_named()
    {
        await using var cluster = await TrafficCluster.StartAsync(demoEstate: false);
        foreach (var (spec, field) in new[]
        {
            ("""{"errorRate":1.5,"workload":"inventory"}""", "spec.errorRate"),
            ("""{"errorRate":0.1}""", "spec.workload"),
            ("""{"workload":"inventory","latency":{"p50Ms":10}}""", "spec.latency.p99Ms"),
            ("""{"workload":"inventory","trafficMultiplier":"lots"}""", "spec.trafficMultiplier"),
            ("""{"workload":"inventory","latency":{"p50Ms":0,"p99Ms":5}}""", "spec.latency.p50Ms"),
            ("""{"workload":"inventory","latencyFactor":0}""", "spec.latencyFactor"),
            ("""{"workload":"inventory","crashLoop":"often"}""", "spec.crashLoop"),
        })
        {
            var error = await Assert.ThrowsAsync<ApiCallException>(() => cluster.CreateAsync(Faults,
                $$"""{"apiVersion":"sandbox.kubemate.io/v1alpha1","kind":"TrafficFault","metadata":{"name":"bad","namespace":"default"},"spec":{{spec}}}"""));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Status);
            Assert.Contains(field, error.Message);
        }
        await cluster.CreateAsync(Faults, """
            {"apiVersion":"sandbox.kubemate.io/v1alpha1","kind":"TrafficFault","metadata":{"name":"good","namespace":"default"},
             "spec":{"workload":"inventory","version":"v2","latency":{"p50Ms":50,"p99Ms":2000},"errorRate":0.05,"crash":false,"trafficMultiplier":2,"latencyFactor":1.5,"crashLoop":false}}
            """);
    }
}
