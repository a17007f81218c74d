using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;

namespace Kubemate.Cluster.Tests;

/// <summary>The create that never replaces and the replace guarded by the resourceVersion read, against a real sandbox.</summary>
public sealed class ObjectWritesTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private static JsonObject ConfigMap(string name, string value) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["data"] = new JsonObject { ["value"] = value },
    };

    [Fact]
    public async Task Create_answers_409_already_exists_and_leaves_the_object_as_it_was()
    {
        var ns = await sandbox.NewNamespaceAsync();
        using var api = sandbox.Admin();
        await api.CreateObjectAsync(BuiltInTypes.ConfigMap, ns, ConfigMap("once", "first"), CancellationToken.None);

        var again = await Assert.ThrowsAsync<ClusterApiException>(() => api.CreateObjectAsync(BuiltInTypes.ConfigMap, ns, ConfigMap("once", "second"), CancellationToken.None));

        var stored = await api.GetObjectAsync(BuiltInTypes.ConfigMap, ns, "once", CancellationToken.None);
        Assert.Equal((HttpStatusCode.Conflict, "AlreadyExists"), (again.StatusCode, again.Reason));
        Assert.Equal("first", (string?)stored["data"]!["value"]);
    }

    [Fact]
    public async Task Replace_if_unchanged_refuses_a_body_read_before_another_change_and_requires_its_version()
    {
        var ns = await sandbox.NewNamespaceAsync();
        using var api = sandbox.Admin();
        var created = await api.CreateObjectAsync(BuiltInTypes.ConfigMap, ns, ConfigMap("guarded", "0"), CancellationToken.None);
        var readByOne = (JsonObject)created.DeepClone();
        var readByOther = (JsonObject)created.DeepClone();
        readByOne["data"]!["value"] = "one";
        readByOther["data"]!["value"] = "other";

        var replaced = await api.ReplaceIfUnchangedAsync(BuiltInTypes.ConfigMap, ns, "guarded", readByOne, CancellationToken.None);
        var stale = await Assert.ThrowsAsync<ClusterApiException>(() => api.ReplaceIfUnchangedAsync(BuiltInTypes.ConfigMap, ns, "guarded", readByOther, CancellationToken.None));
        ((JsonObject)readByOther["metadata"]!).Remove("resourceVersion");
        var unguarded = await Assert.ThrowsAsync<ArgumentException>(() => api.ReplaceIfUnchangedAsync(BuiltInTypes.ConfigMap, ns, "guarded", readByOther, CancellationToken.None));

        var stored = await api.GetObjectAsync(BuiltInTypes.ConfigMap, ns, "guarded", CancellationToken.None);
        Assert.Equal("one", (string?)replaced["data"]!["value"]);
        Assert.Equal((HttpStatusCode.Conflict, "Conflict"), (stale.StatusCode, stale.Reason));
        Assert.StartsWith("metadata.resourceVersion: is required", unguarded.Message);
        Assert.Equal("one", (string?)stored["data"]!["value"]);
    }
}
