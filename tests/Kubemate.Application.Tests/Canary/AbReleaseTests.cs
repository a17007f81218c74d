using Kubemate.Application.Canary.Resource;
using Kubemate.Application.Canary.StateMachine;
using static Kubemate.Application.Tests.Canary.CanaryReleases;

namespace Kubemate.Application.Tests.Canary;

/// <summary>A/B mode: matching requests go to the canary for the duration, then the canary is promoted.</summary>
public sealed class AbReleaseTests
{
    [Fact]
    public void Matching_requests_go_to_the_canary_for_the_duration_then_it_takes_all()
    {
        var release = new ReleaseDriver(AB());
        Assert.Equal(new DesiredTraffic(0, true), release.Evaluate().Traffic);
        Assert.True(release.Machine.CheckDue(release.Spec, release.Status) is false);
        release.PassStep(TimeSpan.FromMinutes(4));
        Assert.Equal(ReleasePhase.Progressing, release.Status.Phase);
        release.PassStep(TimeSpan.FromMinutes(1));
        Assert.Equal(new DesiredTraffic(100, false), release.Last!.Traffic);
        Assert.Equal(ReleasePhase.Promoting, release.Status.Phase);
    }

    [Fact]
    public void A_failing_ab_canary_is_rolled_back_and_the_match_removed()
    {
        var release = new ReleaseDriver(AB());
        release.Evaluate();
        release.CheckAfter(TimeSpan.FromSeconds(10), CanaryChecks.Failing);
        Assert.Equal(new DesiredTraffic(0, false), release.CheckAfter(TimeSpan.FromSeconds(10), CanaryChecks.Failing).Traffic);
    }
}
