using Kubemate.Application.Canary.Releases;
using Kubemate.Application.Canary.Resource;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Objects;
using Kubemate.Sandbox.Simulation.Traffic;
using Kubemate.Telemetry.Golden;
using Xunit.Abstractions;
using static Kubemate.Application.Tests.Canary.Controller.CanaryWorld;

namespace Kubemate.Application.Tests.Canary.Controller;

/// <summary>
/// Releases judged from real telemetry: the simulator's demo traffic, scraped by the embedded store every second, read
/// by the controller: a canary that starts failing at a random step is rolled back by its checks; a healthy canary at
/// 0.2 requests/s completes and is never rolled back; a crash-looping canary is rolled back before any check.
/// </summary>
public sealed class CanaryTelemetryTests(ITestOutputHelper output)
{
    private static readonly ResourceType Faults = new(TrafficFaultCrd.Group, TrafficFaultCrd.Version, TrafficFaultCrd.Kind, TrafficFaultCrd.Plural, true);

    [Fact]
    public async Task A_canary_that_fails_at_a_random_step_is_rolled_back_by_its_checks()
    {
        var seed = Environment.TickCount;
        var failAt = new Random(seed).Next(0, 3);
        output.WriteLine($"seed {seed}: the fault starts at step {failAt + 1}");
        await using var world = await StartAsync(traffic: true);
        await world.InstallAsync();
        world.Run();
        var spec = Spec(ReleaseMode.Progressive) with
        {
            Steps = [new ReleaseStep { Weight = 10, Pause = "15s" }, new ReleaseStep { Weight = 20, Pause = "15s" }, new ReleaseStep { Weight = 30, Pause = "15s" }, new ReleaseStep { Weight = 40, Pause = "15s" }],
        };
        Assert.True((await world.CreateAsync(Olivia, new ReleaseRequest("orders", "orders", spec))).Succeeded);

        await Eventually.Until(() => world.Releases.GetAsync(Olivia, "orders", "orders", TelemetryWindow.OneMinute, CancellationToken.None),
            r => r?.Status.CurrentStep == failAt, $"step {failAt + 1}", TimeSpan.FromMinutes(2));
        await world.Admin.CreateObjectAsync(Faults, "orders", TrafficScenarios.Find("canary-5xx")!.Fault.ToObject(), CancellationToken.None);

        var release = await Eventually.Until(() => world.Releases.GetAsync(Olivia, "orders", "orders", TelemetryWindow.OneMinute, CancellationToken.None),
            r => r?.Status.Phase is ReleasePhase.RolledBack or ReleasePhase.Succeeded, "the release ends", TimeSpan.FromMinutes(2));
        Assert.Equal(ReleasePhase.RolledBack, release!.Status.Phase);
        var failed = release.Status.History.Where(c => c.Verdict == Verdict.Fail).ToList();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, c =>
        {
            Assert.True(c.Canary.SuccessRate < 0.99 && c.Stable.SuccessRate > c.Canary.SuccessRate, $"canary {c.Canary.SuccessRate}, stable {c.Stable.SuccessRate}");
            Assert.Contains(c.Breaches, b => b.Threshold == "successRate.min");
        });
        await CanaryControllerTests.WeightsAsync(world, (100, 0));
    }

    [Fact]
    public async Task A_healthy_canary_at_a_fifth_of_a_request_a_second_completes_and_is_never_rolled_back()
    {
        await using var world = await StartAsync(traffic: true);
        await world.Admin.CreateObjectAsync(Faults, "orders", TrafficScenarios.Find("orders-low-traffic")!.Fault.ToObject(), CancellationToken.None);
        await world.InstallAsync();
        world.Run();
        var spec = Spec(ReleaseMode.Progressive) with
        {
            Steps = [new ReleaseStep { Weight = 50, Pause = "5s" }],
            Analysis = Spec(ReleaseMode.Progressive).Analysis! with { MinRequests = 3 },
        };
        Assert.True((await world.CreateAsync(Olivia, new ReleaseRequest("orders", "orders", spec))).Succeeded);

        var release = await Eventually.Until(() => world.Releases.GetAsync(Olivia, "orders", "orders", TelemetryWindow.OneMinute, CancellationToken.None),
            r => r?.Status.Phase is ReleasePhase.Succeeded or ReleasePhase.RolledBack or ReleasePhase.Failed, "the release ends", TimeSpan.FromMinutes(3));
        Assert.Equal(ReleasePhase.Succeeded, release!.Status.Phase);
        Assert.Contains(release.Status.History, c => c.Verdict == Verdict.NotEnoughRequests);
        Assert.DoesNotContain(release.Status.History, c => c.Verdict == Verdict.Fail);
        Assert.Contains(release.Status.History, c => c.Verdict == Verdict.Pass && c.WindowSeconds > 10);
    }

    [Fact]
    public async Task A_crash_looping_canary_is_rolled_back_before_any_metric_check()
    {
        await using var world = await StartAsync(traffic: true);
        await world.InstallAsync();
        world.Run();
        var spec = Spec(ReleaseMode.Progressive) with { Steps = [new ReleaseStep { Weight = 10, Pause = "1h" }] };
        Assert.True((await world.CreateAsync(Olivia, new ReleaseRequest("orders", "orders", spec))).Succeeded);
        await CanaryControllerTests.WeightsAsync(world, (90, 10));

        await world.Admin.CreateObjectAsync(Faults, "orders", TrafficScenarios.Find("canary-crashloop")!.Fault.ToObject(), CancellationToken.None);
        var release = await Eventually.Until(() => world.Releases.GetAsync(Olivia, "orders", "orders", TelemetryWindow.OneMinute, CancellationToken.None),
            r => r?.Status.Phase == ReleasePhase.RolledBack, "rolled back", TimeSpan.FromMinutes(1));
        Assert.Equal("CanaryCrashLooping", release!.Status.Conditions.Single(c => c.Type == ReleasePhase.RolledBack).Reason);
        Assert.DoesNotContain(release.Status.History, c => c.Verdict == Verdict.Fail);
        await CanaryControllerTests.WeightsAsync(world, (100, 0));
    }

    private static CanaryReleaseSpec Spec(ReleaseMode mode) => new()
    {
        Service = "orders",
        Stable = "orders-v1",
        Canary = "orders-v2",
        Mode = mode,
        Analysis = new AnalysisSpec
        {
            Interval = "2s",
            Window = "10s",
            MinRequests = 5,
            FailedChecks = 2,
            SuccessRate = new(Min: 0.99),
        },
    };
}
