using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Application.Canary.Releases;
using Kubemate.Application.Canary.Resource;
using Kubemate.Application.Canary.StateMachine;
using Kubemate.Audit;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;
using Kubemate.Model.Collections;
using Kubemate.Telemetry.Golden;
using static Kubemate.Application.Tests.Canary.Controller.CanaryWorld;

namespace Kubemate.Application.Tests.Canary.Controller;

/// <summary>
/// The controller against a real sandbox: a person's release and actions, the split it writes, rollbacks for
/// failed checks and crash-looping pods, who may do what, and the audit trail of every step.
/// </summary>
public sealed class CanaryControllerTests
{
    private static readonly ResourceType HttpRoutes = new("gateway.networking.k8s.io", "v1", "HTTPRoute", "httproutes", true);

    [Fact]
    public async Task Olivia_runs_a_manual_release_and_each_step_moves_the_split_and_is_audited()
    {
        await using var world = await StartAsync();
        world.Run();
        await Eventually.True(async () => (await world.Releases.ListAsync(Olivia, "orders", CancellationToken.None)) is not null
            && await world.Admin.GetObjectOrNullAsync(BuiltInTypes.CustomResourceDefinition, null, CanaryReleaseCrd.Name, CancellationToken.None) is not null, "the kind is installed");

        var proposal = await world.Releases.ProposeAsync(Olivia, "orders", "orders", CancellationToken.None);
        Assert.Equal(("orders-v1", "orders-v2", 8080), (proposal.Stable, proposal.Canary, proposal.Port));

        var created = await world.CreateAsync(Olivia, new ReleaseRequest("orders", "orders", Manual(weight: 5)));
        Assert.True(created.Succeeded, string.Join("; ", created.Objects.Select(o => o.Reason)));
        await WeightsAsync(world, (95, 5));
        var started = await world.Releases.GetAsync(Olivia, "orders", "orders", TelemetryWindow.OneMinute, CancellationToken.None);
        Assert.Equal((ReleasePhase.Progressing, 5), (started!.Status.Phase, started.Status.CurrentWeight));

        var half = await world.Releases.SetWeightAsync(Context(Olivia), "orders", "orders", 50, CancellationToken.None);
        Assert.Equal(ActionState.Done, half.State);
        await WeightsAsync(world, (50, 50));

        var promoted = await world.Releases.ActAsync(Context(Olivia), "orders", "orders", "promote", CancellationToken.None);
        Assert.Equal(ActionState.Done, promoted.State);
        await WeightsAsync(world, (0, 100));
        await Eventually.True(async () => (await world.Releases.GetAsync(Olivia, "orders", "orders", TelemetryWindow.OneMinute, CancellationToken.None))!.Status.Phase == ReleasePhase.Succeeded, "succeeded");

        var records = await world.Audit.Store.QueryAsync(AuditQuery.All);
        var applied = records.Where(r => !r.DryRun && r.Operation == "apply").ToList();
        Assert.Contains(applied, r => r.User == "olivia" && r.Objects.Any(o => o.Kind == "CanaryRelease") && r.Diff.Contains("weight: 50", StringComparison.Ordinal));
        var splits = applied.Where(r => r.User == Kubemate.Application.Canary.Controller.CanaryControllerOptions.AuditUser && r.Objects.Any(o => o.Kind == "HTTPRoute")).ToList();
        Assert.True(splits.Count >= 3, $"the controller's split changes: {splits.Count}");
        Assert.Contains(splits, r => r.Diff.Contains("weight: 100", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Olivia_may_run_releases_in_orders_only_and_audrey_may_only_read_them()
    {
        await using var world = await StartAsync();
        await world.InstallAsync();

        var elsewhere = await world.CreateAsync(Olivia, new ReleaseRequest("payments", "payment", Manual(weight: 5) with { Service = "payment", Stable = "payment", Canary = "payment-v2" }));
        Assert.False(elsewhere.Succeeded);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.Objects.Single().StatusCode);

        Assert.True((await world.CreateAsync(Olivia, new ReleaseRequest("orders", "orders", Manual(weight: 5)))).Succeeded, "created");
        var seen = Assert.Single(await world.Releases.ListAsync(Audrey, null, CancellationToken.None));
        Assert.Equal(("orders", "orders"), (seen.Namespace, seen.Name));

        var refused = await world.Releases.ActAsync(Context(Audrey), "orders", "orders", "rollback", CancellationToken.None);
        Assert.Equal((ActionState.Failed, HttpStatusCode.Forbidden), (refused.State, refused.Change.Objects.Single().StatusCode));
        var weight = await world.Releases.SetWeightAsync(Context(Audrey), "orders", "orders", 50, CancellationToken.None);
        Assert.Equal(ActionState.Failed, weight.State);
        var unchanged = await world.Releases.GetAsync(Alice, "orders", "orders", TelemetryWindow.OneMinute, CancellationToken.None);
        Assert.Equal(5, unchanged!.Spec.Weight);
        Assert.Null(PendingAction.Read(await world.Admin.GetObjectAsync(CanaryReleaseObject.Type, "orders", "orders", CancellationToken.None)));
    }

    [Fact]
    public async Task A_failing_canary_is_rolled_back_with_both_versions_values_in_the_history()
    {
        await using var world = await StartAsync();
        world.Metrics.Canary = GoldenMetrics.From(570, 30, TimeSpan.FromSeconds(30), 10, 20, 40);
        await world.InstallAsync();
        world.Run();
        AssertApplied(await world.CreateAsync(Olivia, new ReleaseRequest("orders", "orders", Progressive())));

        var release = await Eventually.Until(() => world.Releases.GetAsync(Olivia, "orders", "orders", TelemetryWindow.OneMinute, CancellationToken.None),
            r => r?.Status.Phase == ReleasePhase.RolledBack, "rolled back");
        var failed = release!.Status.History.Where(c => c.Verdict == Verdict.Fail).ToList();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, c => Assert.Equal((0.95, 1.0), (c.Canary.SuccessRate, c.Stable.SuccessRate)));
        Assert.Contains("successRate.min", release.Status.Message, StringComparison.Ordinal);
        await WeightsAsync(world, (100, 0));
    }

    [Fact]
    public async Task A_crash_looping_canary_is_rolled_back_before_any_check()
    {
        await using var world = await StartAsync();
        await world.InstallAsync();
        world.Run();
        AssertApplied(await world.CreateAsync(Olivia, new ReleaseRequest("orders", "orders", Progressive() with { Steps = [new ReleaseStep { Weight = 10, Pause = "1h" }] })));
        await WeightsAsync(world, (90, 10));
        var reads = world.Metrics.Reads;

        var pod = (await Workloads.PodsAsync(world.Admin, "orders")).First(p => p["metadata"]?["labels"]?["version"]?.GetValue<string>() == "v2");
        await CrashLoopAsync(world.Admin, pod);

        var release = await Eventually.Until(() => world.Releases.GetAsync(Olivia, "orders", "orders", TelemetryWindow.OneMinute, CancellationToken.None),
            r => r?.Status.Phase == ReleasePhase.RolledBack, "rolled back");
        Assert.Contains("crash-looping", release!.Status.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(release.Status.History, c => c.Verdict == Verdict.Fail);
        await WeightsAsync(world, (100, 0));
        Assert.True(world.Metrics.Reads - reads <= 1, "no analysis decided the rollback");
    }

    [Fact]
    public async Task Only_the_lease_holder_reconciles_and_another_takes_over_without_repeating_a_step()
    {
        await using var world = await StartAsync();
        var first = world.NewController("replica-a");
        var second = world.NewController("replica-b");
        await world.InstallAsync();
        Assert.True((await world.CreateAsync(Olivia, new ReleaseRequest("orders", "orders", Manual(weight: 5)))).Succeeded, "created");

        for (var round = 0; round < 5; round++)
        {
            await first.RoundAsync(CancellationToken.None);
            await second.RoundAsync(CancellationToken.None);
        }
        Assert.Equal((5L, 0L), (first.LeaderRounds, second.LeaderRounds));
        await WeightsAsync(world, (95, 5));

        // replica-a dies without giving the lease up: replica-b leads once the lease has gone unrenewed for its duration.
        await world.Releases.SetWeightAsync(Context(Olivia), "orders", "orders", 20, CancellationToken.None);
        await Eventually.True(async () =>
        {
            await second.RoundAsync(CancellationToken.None);
            return second.LeaderRounds > 0;
        }, "replica-b takes the lease over", TimeSpan.FromSeconds(20));
        await WeightsAsync(world, (80, 20));
        for (var round = 0; round < 3; round++)
        {
            await second.RoundAsync(CancellationToken.None);
        }

        var splits = (await world.Audit.Store.QueryAsync(AuditQuery.All))
            .Where(r => !r.DryRun && r.User == Kubemate.Application.Canary.Controller.CanaryControllerOptions.AuditUser && r.Objects.Any(o => o.Kind == "HTTPRoute"))
            .ToList();
        // A step applied twice would write the same change twice: every change of the split is a new one.
        Assert.True(splits.Count >= 2, $"split changes: {splits.Count}");
        Assert.Equal(splits.Count, splits.Select(r => r.Diff).Distinct().Count());
        Assert.Contains("weight: 20", splits.OrderBy(r => r.Timestamp).Last().Diff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_action_changes_nothing_and_says_why()
    {
        await using var world = await StartAsync();
        await world.InstallAsync();
        world.Run();
        Assert.True((await world.CreateAsync(Olivia, new ReleaseRequest("orders", "orders", Manual(weight: 5)))).Succeeded, "created");
        await WeightsAsync(world, (95, 5));

        var refused = await Assert.ThrowsAsync<ReleaseActionRefusedException>(() => world.Releases.ActAsync(Context(Olivia), "orders", "orders", "approve", CancellationToken.None));
        Assert.Equal("approve: nothing waits for approval: the release is Progressing", refused.Message);
        await Assert.ThrowsAsync<Kubemate.Model.Validation.ModelValidationException>(() => world.Releases.ActAsync(Context(Olivia), "orders", "orders", "explode", CancellationToken.None));
        await Assert.ThrowsAsync<ReleaseNotFoundException>(() => world.Releases.ActAsync(Context(Olivia), "orders", "nothing", "pause", CancellationToken.None));
        var paused = await world.Releases.ActAsync(Context(Olivia), "orders", "orders", "pause", CancellationToken.None);
        Assert.Equal(ActionState.Done, paused.State);
        Assert.True((await world.Releases.GetAsync(Olivia, "orders", "orders", TelemetryWindow.OneMinute, CancellationToken.None))!.Status.Paused);
    }

    private static void AssertApplied(Kubemate.Cluster.Apply.ChangeSetResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Objects.Select(o => $"{o.Object}: {o.Status} {o.Reason}")));

    internal static CanaryReleaseSpec Manual(int weight) => new()
    {
        Service = "orders",
        Stable = "orders-v1",
        Canary = "orders-v2",
        Mode = ReleaseMode.Manual,
        Weight = weight,
        Analysis = Analysis(),
    };

    internal static CanaryReleaseSpec Progressive() => new()
    {
        Service = "orders",
        Stable = "orders-v1",
        Canary = "orders-v2",
        Mode = ReleaseMode.Progressive,
        Steps = [new ReleaseStep { Weight = 10, Pause = "1s" }, new ReleaseStep { Weight = 50, Pause = "1s" }],
        Analysis = Analysis(),
    };

    private static AnalysisSpec Analysis() => new()
    {
        Interval = "1s",
        Window = "30s",
        MinRequests = 10,
        FailedChecks = 2,
        SuccessRate = new(Min: 0.99),
    };

    /// <summary>The weights of orders-v1 and orders-v2 in the release's HTTPRoute, eventually.</summary>
    internal static Task WeightsAsync(CanaryWorld world, (int Stable, int Canary) expected) =>
        Eventually.True(async () =>
        {
            var route = await world.Admin.GetObjectOrNullAsync(HttpRoutes, "orders", "orders", CancellationToken.None);
            var refs = (route?["spec"]?["rules"]?[0]?["backendRefs"] as JsonArray ?? []).OfType<JsonObject>()
                .ToDictionary(b => b["name"]!.GetValue<string>(), b => b["weight"]?.GetValue<int>() ?? 1);
            return refs.GetValueOrDefault("orders-v1", -1) == expected.Stable && refs.GetValueOrDefault("orders-v2", -1) == expected.Canary;
        }, $"the split is {expected.Stable}/{expected.Canary}");

    /// <summary>What the kubelet reports for a container that keeps dying: not ready, waiting in CrashLoopBackOff.</summary>
    internal static async Task CrashLoopAsync(ClusterApi admin, JsonObject pod)
    {
        var status = pod["status"]!.AsObject();
        status["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "False" });
        status["containerStatuses"] = new JsonArray((status["containerStatuses"] as JsonArray ?? []).OfType<JsonObject>().Select(c => (JsonNode?)new JsonObject
        {
            ["name"] = c["name"]?.DeepClone(),
            ["image"] = c["image"]?.DeepClone(),
            ["imageID"] = c["imageID"]?.DeepClone() ?? "",
            ["ready"] = false,
            ["restartCount"] = 4,
            ["state"] = new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "CrashLoopBackOff", ["message"] = "back-off 40s restarting failed container" } },
        }).ToArray());
        await admin.ReplaceStatusAsync(BuiltInTypes.Pod, pod["metadata"]!["namespace"]!.GetValue<string>(), pod["metadata"]!["name"]!.GetValue<string>(), pod, CancellationToken.None);
    }
}
