using Kubemate.Application.Canary.Analysis;

namespace Kubemate.Application.Tests.Canary;

public sealed class PodHealthCheckTests
{
    [Fact]
    public void Ready_pods_are_healthy_even_after_restarts()
    {
        Assert.True(PodHealthCheck.Judge([new CanaryPod("a", true), new CanaryPod("b", true, Restarts: 2)]).IsHealthy);
    }

    [Fact]
    public void A_crash_looping_pod_is_named_and_beats_a_pod_that_is_only_not_ready()
    {
        var health = PodHealthCheck.Judge([new CanaryPod("b", false, "ContainerCreating"), new CanaryPod("a", false, "CrashLoopBackOff", 5), new CanaryPod("c", true)]);
        Assert.Equal(PodHealthKind.CrashLooping, health.Kind);
        Assert.Equal("canary pods crash-looping: a", health.Message);
    }

    [Fact]
    public void A_pod_not_ready_makes_the_canary_not_ready()
    {
        var health = PodHealthCheck.Judge([new CanaryPod("a", true), new CanaryPod("b", false, "ImagePullBackOff")]);
        Assert.Equal(PodHealthKind.NotReady, health.Kind);
        Assert.Equal("canary pods not ready: b (ImagePullBackOff)", health.Message);
    }

    [Fact]
    public void A_canary_without_pods_is_not_ready()
    {
        Assert.Equal(PodHealthKind.NotReady, PodHealthCheck.Judge([]).Kind);
    }
}
