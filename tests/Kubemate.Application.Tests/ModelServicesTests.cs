using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Application.Modeling;
using Kubemate.Model.Drivers;
using Kubemate.Modeling;

namespace Kubemate.Application.Tests;

/// <summary>Render and import as the application offers them to every surface: text in, objects or problems out.</summary>
public sealed class ModelServicesTests
{
    private readonly ModelRendering _rendering = new();
    private readonly ModelImport _import = new();

    [Theory]
    [InlineData("smi/linkerd-smi/traffic-split-leaf-weights.yaml")]
    [InlineData("traefik/crd-provider/with_middleware.yml")]
    public void Importing_then_rendering_the_model_file_gives_the_objects_back(string fixture)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Fixtures, fixture));

        var imported = _import.Import([new SourceText("objects.yaml", text)], mesh: null);
        var files = _rendering.Read([new SourceText("model.yaml", imported.ModelFile)]);
        var rendered = _rendering.Render(files.Models, new RenderOptions { Mesh = files.Mesh });

        Assert.True(imported.Succeeded, string.Join("; ", imported.Problems));
        Assert.Empty(imported.Imported.NotReproduced);
        Assert.Empty(files.Problems);
        Assert.True(rendered.Succeeded, string.Join("; ", rendered.Problems));
        var expected = YamlJson.ExpandLists(YamlJson.ParseDocuments(text)).ToDictionary(ObjectIdentity.Of);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), rendered.Objects.Select(ObjectIdentity.Of).Order(StringComparer.Ordinal));
        Assert.All(rendered.Objects, o => Assert.True(JsonNode.DeepEquals(expected[ObjectIdentity.Of(o)], o), $"{ObjectIdentity.Of(o)} is rendered back differently"));
    }

    [Fact]
    public void The_mesh_a_model_file_names_is_the_one_it_renders_for_unless_the_caller_says()
    {
        var model = """
            kind: MeshSettings
            spec:
              provider: istio
            ---
            kind: TrafficSplit
            spec:
              name: orders
              namespace: orders
              service: orders
              port: 8080
              backends:
              - service: orders-v1
                weight: 100
            """;

        var files = _rendering.Read([new SourceText("model.yaml", model)]);
        var asFiled = _rendering.Render(files.Models, new RenderOptions { Mesh = files.Mesh });
        var overridden = _rendering.Render(files.Models, new RenderOptions { Mesh = "linkerd" });

        Assert.Equal("istio", files.Mesh);
        Assert.Equal("VirtualService", (string?)Assert.Single(asFiled.Objects)["kind"]);
        Assert.Equal("HTTPRoute", (string?)Assert.Single(overridden.Objects)["kind"]);
    }

    [Fact]
    public void A_mesh_that_is_not_offered_is_a_problem_naming_the_field_and_nothing_is_made()
    {
        var objects = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: web\n";

        var imported = _import.Import([new SourceText("objects.yaml", objects)], mesh: "kuma");
        var rendered = _rendering.Render(ModelSet.Empty, new RenderOptions { Mesh = "kuma" });

        Assert.False(imported.Succeeded);
        Assert.Equal("", imported.ModelFile);
        Assert.Equal("mesh", Assert.Single(imported.Problems).Path);
        Assert.StartsWith("'kuma' is not a mesh (one of ", Assert.Single(rendered.Problems).Reason, StringComparison.Ordinal);
        Assert.Empty(rendered.Objects);
    }

    [Fact]
    public void Every_problem_of_every_model_file_is_reported_under_its_file_and_document()
    {
        var files = _rendering.Read(
        [
            new SourceText("a.yaml", "kind: Nonsense\nspec: {}\n"),
            new SourceText("b.yaml", "kind: MeshSettings\nspec:\n  provider: linkerd\n  unknownField: 1\n"),
        ]);

        Assert.Equal(["a.yaml[0].kind", "b.yaml[0].spec.unknownField"], files.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Every_shipped_mesh_is_offered_and_the_default_is_one_of_them()
    {
        Assert.Contains("istio", _rendering.Meshes);
        Assert.Contains(ModelRendering.DefaultMesh, _rendering.Meshes);
        Assert.Equal(_rendering.Meshes.Order(StringComparer.Ordinal), _rendering.Meshes);
    }
}
