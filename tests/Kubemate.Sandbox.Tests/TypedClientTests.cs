using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Kubemate.Sandbox.Tests;

/// <summary>The official C# client's typed API against the sandbox: CRUD, selectors, paging, conflicts, subresources.</summary>
public sealed class TypedClientTests(SandboxServerFixture fixture) : IClassFixture<SandboxServerFixture>
{
    private readonly Kubernetes _client = fixture.Client();

    [Fact]
    public async Task Create_get_update_and_delete_a_config_map_with_metadata_as_the_apiserver_sets_it()
    {
        var ns = await NewNamespace();
        var created = await _client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "settings", Labels = new Dictionary<string, string> { ["app"] = "orders" } }, Data = new Dictionary<string, string> { ["a"] = "1" } }, ns);
        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.NotNull(created.Metadata.CreationTimestamp);
        Assert.NotNull(created.Metadata.ResourceVersion);

        created.Data["b"] = "2";
        var updated = await _client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "settings", ns);
        Assert.True(long.Parse(updated.Metadata.ResourceVersion) > long.Parse(created.Metadata.ResourceVersion));
        Assert.Equal(created.Metadata.Uid, updated.Metadata.Uid);

        await _client.CoreV1.DeleteNamespacedConfigMapAsync("settings", ns);
        var missing = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.ReadNamespacedConfigMapAsync("settings", ns));
        Assert.Equal(HttpStatusCode.NotFound, missing.Response.StatusCode);
    }

    [Fact]
    public async Task An_update_with_a_stale_resource_version_is_a_409_conflict_and_changes_nothing()
    {
        var ns = await NewNamespace();
        var original = await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c" }, Data = new Dictionary<string, string> { ["v"] = "1" } }, ns);
        var fresh = await _client.CoreV1.ReadNamespacedConfigMapAsync("c", ns);
        fresh.Data["v"] = "2";
        await _client.CoreV1.ReplaceNamespacedConfigMapAsync(fresh, "c", ns);

        original.Data["v"] = "stale";
        var conflict = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.ReplaceNamespacedConfigMapAsync(original, "c", ns));
        Assert.Equal(HttpStatusCode.Conflict, conflict.Response.StatusCode);
        Assert.Contains("the object has been modified", conflict.Response.Content);
        Assert.Equal("2", (await _client.CoreV1.ReadNamespacedConfigMapAsync("c", ns)).Data["v"]);
    }

    [Fact]
    public async Task Creating_an_existing_name_is_409_already_exists()
    {
        var ns = await NewNamespace();
        await _client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s" }, StringData = new Dictionary<string, string> { ["k"] = "v" } }, ns);
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s" } }, ns));
        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Contains("\"reason\":\"AlreadyExists\"", error.Response.Content);
    }

    [Fact]
    public async Task Generate_name_gets_a_random_suffix()
    {
        var ns = await NewNamespace();
        var created = await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "job-" } }, ns);
        Assert.Matches("^job-[a-z0-9]{5}$", created.Metadata.Name);
    }

    [Fact]
    public async Task Label_selectors_including_set_based_and_field_selectors_filter_lists()
    {
        var ns = await NewNamespace();
        foreach (var (name, tier) in new[] { ("a", "web"), ("b", "api"), ("c", "db") })
        {
            await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["tier"] = tier } } }, ns);
        }
        Assert.Equal(["a", "b"], (await _client.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: "tier in (web,api)")).Items.Select(i => i.Metadata.Name));
        Assert.Equal(["c"], (await _client.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: "tier!=web,tier notin (api)")).Items.Select(i => i.Metadata.Name));
        Assert.Equal(["b"], (await _client.CoreV1.ListNamespacedConfigMapAsync(ns, fieldSelector: "metadata.name=b")).Items.Select(i => i.Metadata.Name));
        var bad = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.ListNamespacedConfigMapAsync(ns, fieldSelector: "data.a=1"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Response.StatusCode);
    }

    [Fact]
    public async Task Limit_and_continue_page_through_a_list()
    {
        var ns = await NewNamespace();
        for (var i = 0; i < 7; i++)
        {
            await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"p{i}" } }, ns);
        }
        var names = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await _client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 3, continueParameter: next);
            names.AddRange(page.Items.Select(i => i.Metadata.Name));
            next = page.Metadata.ContinueProperty;
            pages++;
        }
        while (!string.IsNullOrEmpty(next));
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"p{i}"), names);
    }

    [Fact]
    public async Task Status_subresource_changes_only_status_and_generation_follows_spec_changes()
    {
        var ns = await NewNamespace();
        var deployment = await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("d"), ns);
        Assert.Equal(1, deployment.Metadata.Generation);

        deployment.Status = new V1DeploymentStatus { Replicas = 5, ObservedGeneration = 1 };
        deployment.Spec.Replicas = 9;
        var afterStatus = await _client.AppsV1.ReplaceNamespacedDeploymentStatusAsync(deployment, "d", ns);
        Assert.Equal(5, afterStatus.Status.Replicas);
        Assert.Equal(1, afterStatus.Spec.Replicas);
        Assert.Equal(1, afterStatus.Metadata.Generation);

        afterStatus.Spec.Replicas = 2;
        afterStatus.Status.Replicas = 0;
        var afterSpec = await _client.AppsV1.ReplaceNamespacedDeploymentAsync(afterStatus, "d", ns);
        Assert.Equal(2, afterSpec.Spec.Replicas);
        Assert.Equal(5, afterSpec.Status.Replicas);
        Assert.Equal(2, afterSpec.Metadata.Generation);

        afterSpec.Metadata.Labels = new Dictionary<string, string> { ["only"] = "metadata" };
        var afterLabels = await _client.AppsV1.ReplaceNamespacedDeploymentAsync(afterSpec, "d", ns);
        Assert.Equal(2, afterLabels.Metadata.Generation);
    }

    [Fact]
    public async Task Scale_subresource_reads_and_sets_replicas()
    {
        var ns = await NewNamespace();
        await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("scaled"), ns);
        var scale = await _client.AppsV1.ReadNamespacedDeploymentScaleAsync("scaled", ns);
        Assert.Equal(1, scale.Spec.Replicas);
        Assert.Equal("app=scaled", scale.Status.Selector);
        await _client.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch("""{"spec":{"replicas":4}}""", V1Patch.PatchType.MergePatch), "scaled", ns);
        Assert.Equal(4, (await _client.AppsV1.ReadNamespacedDeploymentAsync("scaled", ns)).Spec.Replicas);
    }

    [Fact]
    public async Task Deleting_an_owner_deletes_its_dependents_and_orphan_keeps_them()
    {
        var ns = await NewNamespace();
        var owner = await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "owner" } }, ns);
        V1OwnerReference Reference() => new() { ApiVersion = "v1", Kind = "ConfigMap", Name = owner.Metadata.Name, Uid = owner.Metadata.Uid };
        await _client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "dependent", OwnerReferences = [Reference()] } }, ns);
        await _client.CoreV1.DeleteNamespacedConfigMapAsync("owner", ns);
        await Eventually.Until(async () => (await _client.CoreV1.ListNamespacedSecretAsync(ns)).Items.Count == 0, gone => gone, "the dependent to be collected");

        owner = await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "owner" } }, ns);
        await _client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "kept", OwnerReferences = [Reference()] } }, ns);
        await _client.CoreV1.DeleteNamespacedConfigMapAsync("owner", ns, new V1DeleteOptions { PropagationPolicy = "Orphan" });
        await Eventually.Until(async () => (await _client.CoreV1.ListNamespacedConfigMapAsync(ns)).Items.All(c => c.Metadata.Name != "owner"), gone => gone, "the owner to be deleted");
        var kept = await _client.CoreV1.ReadNamespacedSecretAsync("kept", ns);
        Assert.Null(kept.Metadata.OwnerReferences);
    }

    [Fact]
    public async Task A_finalizer_holds_deletion_until_it_is_removed()
    {
        var ns = await NewNamespace();
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "held", Finalizers = ["example.com/cleanup"] } }, ns);
        await _client.CoreV1.DeleteNamespacedConfigMapAsync("held", ns);
        var terminating = await _client.CoreV1.ReadNamespacedConfigMapAsync("held", ns);
        Assert.NotNull(terminating.Metadata.DeletionTimestamp);
        await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch), "held", ns);
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.ReadNamespacedConfigMapAsync("held", ns));
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);
    }

    [Fact]
    public async Task Deleting_a_namespace_empties_it_then_removes_it()
    {
        var ns = await NewNamespace();
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "x" } }, ns);
        await _client.CoreV1.DeleteNamespaceAsync(ns);
        await Eventually.Until(async () => (await _client.CoreV1.ListNamespaceAsync()).Items.All(n => n.Metadata.Name != ns), gone => gone, "the namespace to be removed");
        Assert.Empty((await _client.CoreV1.ListNamespacedConfigMapAsync(ns)).Items);
    }

    internal static V1Deployment Deployment(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1DeploymentSpec
        {
            Replicas = 1,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = "ghcr.io/kubemate-demo/app:1.0.0" }] },
            },
        },
    };

    private Task<string> NewNamespace() => _client.CreateUniqueNamespaceAsync("t-");
}
