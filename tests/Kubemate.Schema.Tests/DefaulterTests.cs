using System.Text.Json.Nodes;

namespace Kubemate.Schema.Tests;

public class DefaulterTests
{
    private static readonly StructuralSchema Schema = Yaml.Schema("""
        type: object
        properties:
          spec:
            type: object
            default: {}
            properties:
              replicas: {type: integer, default: 1}
              mode: {type: string, default: fast}
              comment: {type: string}
              note: {type: string, nullable: true}
              strategy:
                type: object
                default: {type: RollingUpdate}
                properties:
                  type: {type: string}
                  maxSurge: {x-kubernetes-int-or-string: true, default: 25%}
              backends:
                type: array
                items:
                  type: object
                  properties:
                    weight: {type: integer, default: 100}
              annotations:
                type: object
                additionalProperties: {type: string, default: none}
        """);

    [Fact]
    public void Missing_fields_get_their_defaults_including_defaults_inside_defaults()
    {
        var obj = new JsonObject();

        Defaulter.ApplyDefaults(obj, Schema);

        Assert.True(JsonNode.DeepEquals(
            Yaml.Object("spec: {replicas: 1, mode: fast, strategy: {type: RollingUpdate, maxSurge: 25%}}"),
            obj));
    }

    [Fact]
    public void Given_values_are_kept_and_list_items_are_defaulted()
    {
        var obj = Yaml.Object("spec: {replicas: 3, backends: [{weight: 5}, {}]}");

        Defaulter.ApplyDefaults(obj, Schema);

        Assert.Equal(3, obj["spec"]!["replicas"]!.GetValue<long>());
        Assert.Equal(5, obj["spec"]!["backends"]![0]!["weight"]!.GetValue<long>());
        Assert.Equal(100, obj["spec"]!["backends"]![1]!["weight"]!.GetValue<long>());
    }

    [Fact]
    public void Nulls_in_non_nullable_fields_are_defaulted_or_dropped_and_nullable_nulls_stay()
    {
        var obj = Yaml.Object("spec: {mode: null, comment: null, note: null, annotations: {a: null}}");

        Defaulter.ApplyDefaults(obj, Schema);

        Assert.Equal("fast", obj["spec"]!["mode"]!.GetValue<string>());
        Assert.False(obj["spec"]!.AsObject().ContainsKey("comment"));
        Assert.True(obj["spec"]!.AsObject().ContainsKey("note"));
        Assert.Null(obj["spec"]!["note"]);
        Assert.Equal("none", obj["spec"]!["annotations"]!["a"]!.GetValue<string>());
    }

    [Fact]
    public void Defaults_are_copies_so_changing_one_object_leaves_the_schema_alone()
    {
        var first = new JsonObject();
        Defaulter.ApplyDefaults(first, Schema);
        first["spec"]!["strategy"]!["type"] = "Recreate";

        var second = new JsonObject();
        Defaulter.ApplyDefaults(second, Schema);

        Assert.Equal("RollingUpdate", second["spec"]!["strategy"]!["type"]!.GetValue<string>());
    }
}
