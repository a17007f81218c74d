using System.Text.Json.Nodes;

namespace Kubemate.Schema.Tests;

public class PrunerTests
{
    [Fact]
    public void Pruning_a_valid_object_removes_nothing()
    {
        var route = Yaml.Object(RouteSchema.ValidObject);

        Assert.Empty(Pruner.Prune(route, RouteSchema.Schema));
        Assert.True(JsonNode.DeepEquals(Yaml.Object(RouteSchema.ValidObject), route));
    }

    [Fact]
    public void Unknown_fields_are_removed_and_reported_sorted_with_their_paths()
    {
        var route = Yaml.Object(RouteSchema.ValidObject);
        route["status"] = new JsonObject { ["ready"] = true };
        route["spec"]!["zeta"] = 1;
        route["spec"]!["routes"]![0]!["typo"] = "x";
        route["spec"]!["routes"]![0]!["services"]![1]!["wieght"] = 2;

        var pruned = Pruner.Prune(route, RouteSchema.Schema);

        Assert.Equal(["spec.routes[0].services[1].wieght", "spec.routes[0].typo", "spec.zeta", "status"], pruned);
        Assert.Null(route["status"]);
        Assert.False(route["spec"]!.AsObject().ContainsKey("zeta"));
        Assert.Equal("a", route["spec"]!["routes"]![0]!["services"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Preserve_unknown_fields_keeps_its_subtree_but_prunes_inside_declared_properties()
    {
        var route = Yaml.Object(RouteSchema.ValidObject);
        route["spec"]!["extra"] = Yaml.Object("{free: {form: [1, {x: y}]}, known: {a: kept, b: dropped}}");

        var pruned = Pruner.Prune(route, RouteSchema.Schema);

        Assert.Equal(["spec.extra.known.b"], pruned);
        Assert.Equal("y", route["spec"]!["extra"]!["free"]!["form"]![1]!["x"]!.GetValue<string>());
    }

    [Fact]
    public void Root_and_embedded_resources_keep_api_version_kind_and_object_metadata_only()
    {
        var route = Yaml.Object(RouteSchema.ValidObject);
        route["metadata"]!["lables"] = new JsonObject { ["typo"] = "yes" };
        route["spec"]!["template"]!["metadata"]!["unknown"] = 1;

        var pruned = Pruner.Prune(route, RouteSchema.Schema);

        Assert.Equal(["metadata.lables", "spec.template.metadata.unknown"], pruned);
        Assert.Equal("v1", route["spec"]!["template"]!["apiVersion"]!.GetValue<string>());
        Assert.Equal("value", route["spec"]!["template"]!["data"]!["key"]!.GetValue<string>());
        Assert.Equal("web", route["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Map_values_are_pruned_against_the_additional_properties_schema()
    {
        var schema = Yaml.Schema("""
            type: object
            properties:
              spec:
                type: object
                properties:
                  backends:
                    type: object
                    additionalProperties:
                      type: object
                      properties:
                        port: {type: integer}
            """);
        var obj = Yaml.Object("spec: {backends: {web: {port: 80, extra: true}}}");

        Assert.Equal(["spec.backends.web.extra"], Pruner.Prune(obj, schema));
        Assert.Equal(80, obj["spec"]!["backends"]!["web"]!["port"]!.GetValue<long>());
    }
}
