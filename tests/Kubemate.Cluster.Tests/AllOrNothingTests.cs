using Kubemate.Cluster.Apply;

namespace Kubemate.Cluster.Tests;

/// <summary>A change set with one bad object leaves the cluster exactly as it was, whether the dry run or the apply catches it.</summary>
public sealed class AllOrNothingTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_schema_invalid_object_in_the_middle_leaves_every_object_list_identical(bool dryRunFirst)
    {
        var ns = await sandbox.NewNamespaceAsync();
        using var api = sandbox.Admin();
        var engine = new ApplyEngine(api);
        await engine.ApplyAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap(ns, "existing", ("mode", "old")), TestManifests.ValidHttpRoute(ns, "kept")]));
        var before = await ClusterState.SnapshotAsync(api, ns);

        var result = await engine.ApplyAsync(ChangeSet.ApplyAll(
        [
            TestManifests.ConfigMap(ns, "existing", ("mode", "new"), ("extra", "x")),
            TestManifests.Service(ns, "web", 80),
            TestManifests.InvalidHttpRoute(ns, "broken"),
            TestManifests.ConfigMap(ns, "after", ("k", "v")),
        ]), new ApplyOptions { DryRunFirst = dryRunFirst });

        Assert.False(result.Succeeded);
        var expected = dryRunFirst
            ? new[] { ObjectStatus.DryRunOk, ObjectStatus.DryRunOk, ObjectStatus.Failed, ObjectStatus.DryRunOk }
            : [ObjectStatus.RolledBack, ObjectStatus.RolledBack, ObjectStatus.Failed, ObjectStatus.Skipped];
        Assert.Equal(expected, result.Objects.Select(o => o.Status));
        Assert.Contains("parentRefs", result.Objects[2].Reason);
        Assert.Equal(before, await ClusterState.SnapshotAsync(api, ns));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_rbac_denial_on_the_last_object_leaves_every_object_list_identical(bool dryRunFirst)
    {
        var team = await sandbox.NewNamespaceAsync("team");
        var other = await sandbox.NewNamespaceAsync("other");
        // Olivia may edit her team's namespace and only read the other one.
        await sandbox.GrantAsync(SandboxFixture.Olivia, "edit", team);
        await sandbox.GrantAsync(SandboxFixture.Olivia, "view", other);
        using var admin = sandbox.Admin();
        await new ApplyEngine(admin).ApplyAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap(team, "existing", ("mode", "old")), TestManifests.ConfigMap(other, "theirs", ("k", "v"))]));
        var before = await ClusterState.SnapshotAsync(admin, team, other);

        using var olivia = sandbox.As(SandboxFixture.Olivia);
        var result = await new ApplyEngine(olivia).ApplyAsync(ChangeSet.ApplyAll(
        [
            TestManifests.ConfigMap(team, "existing", ("mode", "new")),
            TestManifests.ConfigMap(team, "created", ("k", "v")),
            TestManifests.Service(team, "web", 8080),
            TestManifests.ConfigMap(other, "theirs", ("k", "changed")),
        ]), new ApplyOptions { DryRunFirst = dryRunFirst });

        Assert.False(result.Succeeded);
        var last = result.Objects[^1];
        Assert.Equal(ObjectStatus.Failed, last.Status);
        Assert.Contains("Forbidden", last.Reason);
        Assert.Contains("olivia", last.Reason);
        var expected = dryRunFirst ? ObjectStatus.DryRunOk : ObjectStatus.RolledBack;
        Assert.All(result.Objects.Take(3), o => Assert.Equal(expected, o.Status));
        Assert.Equal(before, await ClusterState.SnapshotAsync(admin, team, other));
    }
}
