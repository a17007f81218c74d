using System.Text.Json.Nodes;
using Kubemate.Cluster.Apply;

namespace Kubemate.Cluster.Tests;

/// <summary>Dry run, diff preview and server-side apply against a real sandbox.</summary>
public sealed class ApplyEngineTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Dry_run_previews_only_the_changed_fields_and_changes_nothing()
    {
        var ns = await sandbox.NewNamespaceAsync();
        using var api = sandbox.Admin();
        var engine = new ApplyEngine(api);
        await engine.ApplyAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap(ns, "settings", ("color", "blue"), ("size", "m"))]));
        var before = await ClusterState.SnapshotAsync(api, ns);

        var preview = await engine.PreviewAsync(ChangeSet.ApplyAll(
            [TestManifests.ConfigMap(ns, "settings", ("color", "green"), ("size", "m")), TestManifests.Service(ns, "web", 80)]));

        Assert.True(preview.Succeeded);
        Assert.Equal([ObjectStatus.DryRunOk, ObjectStatus.DryRunOk], preview.Objects.Select(o => o.Status));
        Assert.Equal([ObjectOperation.Update, ObjectOperation.Create], preview.Objects.Select(o => o.Operation));
        var update = preview.Objects[0].Diff!;
        Assert.Equal("data:\n  color: blue\n", update.Before);
        Assert.Equal("data:\n  color: green\n", update.After);
        var create = preview.Objects[1].Diff!;
        Assert.Equal("", create.Before);
        Assert.Contains("name: web", create.After);
        Assert.DoesNotContain("managedFields", create.After);
        Assert.DoesNotContain("resourceVersion", create.After);
        Assert.Equal(before, await ClusterState.SnapshotAsync(api, ns));
    }

    [Fact]
    public async Task Apply_creates_then_updates_as_field_manager_kubemate_and_reports_unchanged_objects()
    {
        var ns = await sandbox.NewNamespaceAsync();
        using var api = sandbox.Admin();
        var engine = new ApplyEngine(api);

        var created = await engine.ApplyAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap(ns, "a", ("k", "1")), TestManifests.ValidHttpRoute(ns, "route")]));
        Assert.Equal([ObjectStatus.Applied, ObjectStatus.Applied], created.Objects.Select(o => o.Status));
        Assert.Equal([ObjectOperation.Create, ObjectOperation.Create], created.Objects.Select(o => o.Operation));

        var updated = await engine.ApplyAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap(ns, "a", ("k", "2")), TestManifests.ValidHttpRoute(ns, "route")]));
        Assert.Equal([ObjectStatus.Applied, ObjectStatus.Unchanged], updated.Objects.Select(o => o.Status));
        Assert.Equal("data:\n  k: \"2\"\n", updated.Objects[0].Diff!.After);

        var stored = await sandbox.GetAsync($"api/v1/namespaces/{ns}/configmaps/a");
        Assert.Equal("2", (string?)stored!["data"]!["k"]);
        var managers = stored["metadata"]!["managedFields"]!.AsArray().Select(m => ((string?)m!["manager"], (string?)m["operation"]));
        Assert.Contains(("kubemate", "Apply"), managers);
    }

    [Fact]
    public async Task Delete_removes_the_object_and_deleting_a_missing_object_is_unchanged()
    {
        var ns = await sandbox.NewNamespaceAsync();
        using var api = sandbox.Admin();
        var engine = new ApplyEngine(api);
        await engine.ApplyAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap(ns, "doomed", ("k", "v"))]));

        var result = await engine.ApplyAsync(new ChangeSet(
            [Change.Delete(TestManifests.ConfigMap(ns, "doomed")), Change.Delete(TestManifests.ConfigMap(ns, "never-existed"))]));

        Assert.Equal([ObjectStatus.Applied, ObjectStatus.Unchanged], result.Objects.Select(o => o.Status));
        Assert.Equal(ObjectOperation.Delete, result.Objects[0].Operation);
        Assert.Null(await sandbox.GetAsync($"api/v1/namespaces/{ns}/configmaps/doomed"));
    }

    [Fact]
    public async Task A_change_set_without_names_is_refused_before_any_call_naming_the_field()
    {
        using var api = sandbox.Admin();
        var nameless = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = new JsonObject() };
        var error = await Assert.ThrowsAsync<ArgumentException>(() => new ApplyEngine(api).ApplyAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap("x", "ok"), nameless])));
        Assert.Contains("changes[1].object.metadata.name: required", error.Message);
    }

    [Fact]
    public async Task An_unknown_kind_or_missing_namespace_fails_with_the_field_path_and_nothing_is_applied()
    {
        var ns = await sandbox.NewNamespaceAsync();
        using var api = sandbox.Admin();
        var unknown = new JsonObject { ["apiVersion"] = "split.smi-spec.io/v1alpha2", ["kind"] = "TrafficSplit", ["metadata"] = new JsonObject { ["name"] = "s", ["namespace"] = ns } };
        var noNamespace = TestManifests.ConfigMap(ns, "c");
        ((JsonObject)noNamespace["metadata"]!).Remove("namespace");

        var result = await new ApplyEngine(api).ApplyAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap(ns, "fine"), unknown, noNamespace]));

        Assert.False(result.Succeeded);
        Assert.Equal([ObjectStatus.DryRunOk, ObjectStatus.Failed, ObjectStatus.Failed], result.Objects.Select(o => o.Status));
        Assert.Contains("changes[1].object.kind", result.Objects[1].Reason);
        Assert.Contains("split.smi-spec.io/v1alpha2", result.Objects[1].Reason);
        Assert.Contains("changes[2].object.metadata.namespace: required", result.Objects[2].Reason);
        Assert.Null(await sandbox.GetAsync($"api/v1/namespaces/{ns}/configmaps/fine"));
    }
}
