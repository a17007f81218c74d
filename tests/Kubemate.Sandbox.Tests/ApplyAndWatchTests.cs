using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Kubemate.Sandbox.Tests;

/// <summary>Server-side apply with two field managers, and watches that resume from a resource version.</summary>
public sealed class ApplyAndWatchTests(SandboxServerFixture fixture) : IClassFixture<SandboxServerFixture>
{
    private readonly Kubernetes _client = fixture.Client();

    [Fact]
    public async Task Server_side_apply_reports_a_conflict_between_two_managers_until_forced()
    {
        var ns = await NewNamespace();
        var config = new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new V1ObjectMeta { Name = "shared", NamespaceProperty = ns }, Data = new Dictionary<string, string> { ["owner"] = "team-a" } };
        var applied = await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(config, V1Patch.PatchType.ApplyPatch), "shared", ns, fieldManager: "team-a", force: false);
        Assert.Contains(applied.Metadata.ManagedFields, m => m.Manager == "team-a" && m.Operation == "Apply");

        config.Data["owner"] = "team-b";
        var conflict = await Assert.ThrowsAsync<HttpOperationException>(() =>
            _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(config, V1Patch.PatchType.ApplyPatch), "shared", ns, fieldManager: "team-b", force: false));
        Assert.Equal(HttpStatusCode.Conflict, conflict.Response.StatusCode);
        Assert.Contains("conflict with \\u0022team-a\\u0022", conflict.Response.Content);
        Assert.Contains(".data.owner", conflict.Response.Content);
        Assert.Equal("team-a", (await _client.CoreV1.ReadNamespacedConfigMapAsync("shared", ns)).Data["owner"]);

        var forced = await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(config, V1Patch.PatchType.ApplyPatch), "shared", ns, fieldManager: "team-b", force: true);
        Assert.Equal("team-b", forced.Data["owner"]);
        Assert.DoesNotContain(forced.Metadata.ManagedFields, m => m.Manager == "team-a" && m.FieldsV1.ToString()!.Contains("owner"));
    }

    [Fact]
    public async Task Applying_the_same_configuration_twice_keeps_the_resource_version()
    {
        var ns = await NewNamespace();
        var config = new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new V1ObjectMeta { Name = "same", NamespaceProperty = ns }, Data = new Dictionary<string, string> { ["k"] = "v" } };
        var first = await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(config, V1Patch.PatchType.ApplyPatch), "same", ns, fieldManager: "kubemate");
        var second = await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(config, V1Patch.PatchType.ApplyPatch), "same", ns, fieldManager: "kubemate");
        Assert.Equal(first.Metadata.ResourceVersion, second.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task A_watch_resumed_from_a_resource_version_delivers_exactly_the_later_events()
    {
        var ns = await NewNamespace();
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "before" } }, ns);
        var list = await _client.CoreV1.ListNamespacedConfigMapAsync(ns);
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "after-1" } }, ns);
        await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"x":"y"}}""", V1Patch.PatchType.MergePatch), "after-1", ns);
        await _client.CoreV1.DeleteNamespacedConfigMapAsync("before", ns);

        var seen = new List<(WatchEventType, string)>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await foreach (var (type, item) in _client.CoreV1.WatchListNamespacedConfigMapAsync(ns, resourceVersion: list.Metadata.ResourceVersion, cancellationToken: timeout.Token))
        {
            seen.Add((type, item.Metadata.Name));
            if (seen.Count == 3)
            {
                break;
            }
        }
        Assert.Equal([(WatchEventType.Added, "after-1"), (WatchEventType.Modified, "after-1"), (WatchEventType.Deleted, "before")], seen);
    }

    [Fact]
    public async Task A_watch_from_a_compacted_resource_version_gets_410_gone()
    {
        var ns = await NewNamespace();
        var start = (await _client.CoreV1.ListNamespacedConfigMapAsync(ns)).Metadata.ResourceVersion;
        for (var i = 0; i < 520; i++)
        {
            await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"churn-{i}" } }, ns);
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var events = new List<WatchEventType>();
        var errors = new List<Exception>();
        await foreach (var (type, _) in _client.CoreV1.WatchListNamespacedConfigMapAsync(ns, resourceVersion: start, onError: errors.Add, cancellationToken: timeout.Token))
        {
            events.Add(type);
        }
        // As the apiserver's watch cache does: HTTP 200, one ERROR event carrying a 410 Status, then the stream ends.
        // The client turns that event into an error for onError rather than an item.
        Assert.Empty(events);
        var gone = Assert.IsType<KubernetesException>(Assert.Single(errors));
        Assert.Equal(410, gone.Status.Code);
        using var http = fixture.Http();
        var raw = await http.GetStringAsync($"/api/v1/namespaces/{ns}/configmaps?watch=true&resourceVersion={start}");
        Assert.Contains("\"code\":410", raw);
        Assert.Contains("too old resource version", raw);
    }

    private Task<string> NewNamespace() => _client.CreateUniqueNamespaceAsync("w-");
}
