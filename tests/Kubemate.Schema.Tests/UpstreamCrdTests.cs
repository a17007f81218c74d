using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Testing;

namespace Kubemate.Schema.Tests;

public class UpstreamCrdTests
{
    public static TheoryData<string> CrdFiles() => new(UpstreamSchemas.CrdFileNames());

    [Theory]
    [MemberData(nameof(CrdFiles))]
    public void Every_upstream_crd_is_accepted_with_every_version_schema_loaded(string file)
    {
        var documents = YamlJson.ExpandLists(YamlJson.ParseDocuments(File.ReadAllText(Path.Combine(RepoPaths.Schemas, file))))
            .Where(document => document["kind"]?.ToString() == "CustomResourceDefinition")
            .ToList();

        foreach (var document in documents)
        {
            var accepted = CrdInfo.TryParse(document, out var crd, out var errors);

            Assert.True(accepted, $"{file} {document["metadata"]?["name"]}: {string.Join("\n", errors)}");
            var declaredVersions = ((JsonArray)document["spec"]!["versions"]!).Select(v => v!["name"]!.ToString());
            Assert.Equal(declaredVersions, crd!.Versions.Select(v => v.Name));
        }
    }

    [Fact]
    public void Files_that_are_not_crds_yield_no_crds()
    {
        var catalog = SchemaCatalog.Load(Path.Combine(RepoPaths.Schemas, "gateway-api/v1.6.1/standard/gateway.networking.k8s.io_vap_safeupgrades.yaml"));

        Assert.Empty(catalog.Crds);
    }
}
