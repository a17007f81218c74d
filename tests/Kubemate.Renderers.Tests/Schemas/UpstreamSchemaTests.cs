using System.Text.Json.Nodes;
using Kubemate.Renderers.Tests.Support;
using Kubemate.Schema;
using Kubemate.Testing;

namespace Kubemate.Renderers.Tests.Schemas;

public class UpstreamSchemaTests
{
    private static readonly string[] CustomResourceGroups = ["traefik.io", "cert-manager.io", "monitoring.coreos.com"];

    private static readonly Lazy<SchemaCatalog> Catalog = new(() => SchemaCatalog.Load(
        Path.Combine(RepoPaths.Schemas, "traefik", "kubernetes-crd-definition-v1.yml"),
        Path.Combine(RepoPaths.Schemas, "cert-manager"),
        Path.Combine(RepoPaths.Schemas, "prometheus-operator")));

    private static bool IsCustomResource(JsonObject obj) =>
        CustomResourceGroups.Contains(obj["apiVersion"]!.GetValue<string>().Split('/')[0]);

    [Fact]
    public void Every_rendered_custom_resource_validates_against_its_upstream_crd_schema()
    {
        var customResources = EveryRenderedObject.All().Where(i => IsCustomResource(i.Object)).ToList();

        var failures = customResources
            .Select(item => (Item: item, Errors: Catalog.Value.Validate(item.Object)))
            .Where(r => r.Errors.Count > 0)
            .Select(r => $"{EveryRenderedObject.Describe(r.Item)}: {string.Join("; ", r.Errors)}")
            .ToList();

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        string[] kinds = ["IngressRoute", "Middleware", "TLSOption", "TraefikService", "ClusterIssuer", "Issuer", "Certificate", "PrometheusRule"];
        Assert.All(kinds, kind => Assert.Contains(customResources, i => i.Object["kind"]!.GetValue<string>() == kind));
    }

    [Fact]
    public void The_schema_check_is_strict_enough_to_catch_a_misspelt_field()
    {
        var middleware = (JsonObject)EveryRenderedObject.All().First(i => i.Object["kind"]!.GetValue<string>() == "Middleware").Object.DeepClone();
        middleware["spec"]!.AsObject()["redirectSchema"] = new JsonObject { ["scheme"] = "https" };

        Assert.NotEmpty(Catalog.Value.Validate(middleware));
    }

    [Fact]
    public void Reading_back_a_fixture_never_changes_which_of_its_objects_meet_the_schema()
    {
        foreach (var file in Manifests.TraefikFixtureFiles())
        {
            var input = Manifests.Load(file).Where(IsCustomResource).ToList();
            var output = Kubemate.Renderers.Traefik.TraefikWriter.WriteWithPassthrough(Kubemate.Renderers.Traefik.TraefikReader.Read(input));
            var before = input.Select(o => Catalog.Value.Validate(o).Count == 0).Count(valid => valid);
            var after = output.Select(o => Catalog.Value.Validate(o).Count == 0).Count(valid => valid);
            Assert.True(before == after, $"{file}: {before} objects met the schema before the read-back, {after} after");
        }
    }
}
