using Kubemate.ApiMachinery.Structure;

namespace Kubemate.Schema.Tests;

public class TypeShapeTests
{
    [Fact]
    public void List_kinds_and_map_keys_come_from_the_list_extensions()
    {
        var shape = RouteSchema.Schema.ToTypeShape().Field("spec");

        Assert.Equal(ListKind.Set, shape.Field("entryPoints").ListKind);
        Assert.Equal(ListKind.Atomic, shape.Field("routes").ListKind);
        var services = shape.Field("routes").Element.Field("services");
        Assert.Equal(ListKind.Map, services.ListKind);
        Assert.Equal(["name"], services.ListMapKeys);
        Assert.True(services.Element.Properties.ContainsKey("weight"));
    }

    [Fact]
    public void Maps_carry_their_value_shape_and_atomic_map_types_are_atomic_objects()
    {
        var schema = Yaml.Schema("""
            type: object
            properties:
              selector: {type: object, x-kubernetes-map-type: atomic, properties: {app: {type: string}}}
              backends:
                type: object
                additionalProperties:
                  type: array
                  x-kubernetes-list-type: set
                  items: {type: string}
            """);

        var shape = schema.ToTypeShape();

        Assert.True(shape.Field("selector").IsAtomicObject);
        Assert.False(shape.Field("backends").IsAtomicObject);
        Assert.Equal(ListKind.Set, shape.Field("backends").Field("any-key").ListKind);
        Assert.Null(shape.Field("backends").PatchMergeKey);
    }
}
