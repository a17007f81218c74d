using Kubemate.ApiMachinery.Yaml;
using Kubemate.Cluster.Apply;
using Kubemate.Cluster.GitOps;

namespace Kubemate.Cluster.Tests;

/// <summary>GitOps mode writes the change set instead of applying it.</summary>
public sealed class GitOpsExportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kubemate-gitops-").FullName;

    [Fact]
    public async Task Each_object_gets_a_stable_file_named_by_its_identity()
    {
        var route = TestManifests.ValidHttpRoute("orders", "checkout");
        route["metadata"]!["resourceVersion"] = "42";
        var changeSet = ChangeSet.ApplyAll([TestManifests.ConfigMap("orders", "Settings", ("k", "v")), route]);

        var first = await GitOpsExport.WriteDirectoryAsync(changeSet, _directory);
        var second = await GitOpsExport.WriteDirectoryAsync(changeSet, _directory);

        Assert.Equal(first, second);
        Assert.Equal(
            ["orders_configmap.core_settings.yaml", "orders_httproute.gateway.networking.k8s.io_checkout.yaml"],
            Directory.GetFiles(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var written = YamlJson.Parse(await File.ReadAllTextAsync(first[1]))!;
        Assert.Equal("checkout", (string?)written["metadata"]!["name"]);
        Assert.Null(written["metadata"]!["resourceVersion"]);
    }

    [Fact]
    public async Task A_deletion_removes_the_object_file()
    {
        await GitOpsExport.WriteDirectoryAsync(ChangeSet.ApplyAll([TestManifests.ConfigMap("orders", "old")]), _directory);

        await GitOpsExport.WriteDirectoryAsync(new ChangeSet([Change.Delete(TestManifests.ConfigMap("orders", "old"))]), _directory);

        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public void The_stream_holds_one_document_per_applied_object_and_lists_deletions()
    {
        var changeSet = new ChangeSet([Change.Apply(TestManifests.ConfigMap("a", "one")), Change.Delete(TestManifests.ConfigMap("a", "gone")), Change.Apply(TestManifests.Service("a", "web", 80))]);

        var stream = GitOpsExport.ToStream(changeSet);

        Assert.StartsWith("# delete: ConfigMap a/gone (v1)\n", stream);
        var documents = YamlJson.ParseDocuments(stream);
        Assert.Equal(["ConfigMap", "Service"], documents.Select(d => (string?)d["kind"]));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
