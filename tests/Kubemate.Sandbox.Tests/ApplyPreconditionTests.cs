using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Kubemate.Sandbox.Tests;

/// <summary>Server-side apply honours a resourceVersion in the applied object as a precondition, as the apiserver does.</summary>
public sealed class ApplyPreconditionTests(SandboxServerFixture fixture) : IClassFixture<SandboxServerFixture>
{
    private readonly Kubernetes _client = fixture.Client();

    [Fact]
    public async Task Apply_with_a_stale_resource_version_is_refused_with_a_conflict_and_changes_nothing()
    {
        var ns = await NewNamespace();
        var created = await Apply(ns, "100", resourceVersion: null);
        await Apply(ns, "200", resourceVersion: created.Metadata.ResourceVersion);

        var stale = await Assert.ThrowsAsync<HttpOperationException>(() => Apply(ns, "300", created.Metadata.ResourceVersion));

        Assert.Equal(HttpStatusCode.Conflict, stale.Response.StatusCode);
        Assert.Contains("the object has been modified", stale.Response.Content);
        Assert.Equal("200", (await _client.CoreV1.ReadNamespacedConfigMapAsync("limits", ns)).Data["rps"]);
    }

    [Fact]
    public async Task Apply_with_the_current_resource_version_succeeds()
    {
        var ns = await NewNamespace();
        var created = await Apply(ns, "100", resourceVersion: null);

        var updated = await Apply(ns, "200", created.Metadata.ResourceVersion);

        Assert.Equal("200", updated.Data["rps"]);
        Assert.NotEqual(created.Metadata.ResourceVersion, updated.Metadata.ResourceVersion);
    }

    private Task<V1ConfigMap> Apply(string ns, string rps, string? resourceVersion) =>
        _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta { Name = "limits", NamespaceProperty = ns, ResourceVersion = resourceVersion },
            Data = new Dictionary<string, string> { ["rps"] = rps },
        }, V1Patch.PatchType.ApplyPatch), "limits", ns, fieldManager: "kubemate");

    private Task<string> NewNamespace() => _client.CreateUniqueNamespaceAsync("pre-");
}
