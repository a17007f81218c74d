using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.FieldManagement;
using Kubemate.ApiMachinery.Structure;

namespace Kubemate.ApiMachinery.Tests.FieldManagement;

public class FieldSetTests
{
    private static readonly FieldPath Replicas = FieldPath.Fields("spec", "replicas");
    private static readonly FieldPath Paused = FieldPath.Fields("spec", "paused");
    private static readonly FieldPath Image = FieldPath.Fields("spec", "template", "spec", "containers")
        .Append(PathElement.Key("name", JsonValue.Create("app"))).Append("image");

    [Fact]
    public void Union_intersection_and_difference_work_on_paths()
    {
        var a = FieldSet.FromPaths([Replicas, Image]);
        var b = FieldSet.FromPaths([Replicas, Paused]);

        Assert.Equal(["spec.paused", "spec.replicas", "spec.template.spec.containers[name=\"app\"].image"], Names(a.Union(b)));
        Assert.Equal(["spec.replicas"], Names(a.Intersection(b)));
        Assert.Equal(["spec.template.spec.containers[name=\"app\"].image"], Names(a.Difference(b)));
        Assert.True(a.Difference(a).IsEmpty);
    }

    [Fact]
    public void Difference_removes_a_member_but_not_what_lies_below_it()
    {
        var container = FieldPath.Fields("spec", "template", "spec", "containers").Append(PathElement.Key("name", JsonValue.Create("app")));
        var set = FieldSet.FromPaths([container, Image]);

        var difference = set.Difference(FieldSet.FromPaths([container]));
        var recursive = set.RecursiveDifference(FieldSet.FromPaths([container]));

        Assert.Equal(["spec.template.spec.containers[name=\"app\"].image"], Names(difference));
        Assert.True(recursive.IsEmpty);
    }

    [Fact]
    public void Paths_print_as_the_apiserver_prints_them()
    {
        var port = FieldPath.Fields("spec", "ports").Append(PathElement.Key(
        [
            new("protocol", JsonValue.Create("TCP")),
            new("containerPort", JsonValue.Create(80)),
        ]));
        var finalizer = FieldPath.Fields("metadata", "finalizers").Append(PathElement.ForValue(JsonValue.Create("example.com/x")));

        Assert.Equal(".spec.replicas", Replicas.ToString());
        Assert.Equal(".spec.template.spec.containers[name=\"app\"].image", Image.ToString());
        Assert.Equal(".spec.ports[containerPort=80,protocol=\"TCP\"]", port.ToString());
        Assert.Equal(".metadata.finalizers[=\"example.com/x\"]", finalizer.ToString());
    }

    [Fact]
    public void From_object_owns_leaves_list_elements_and_map_entries_but_not_struct_fields()
    {
        var deployment = Json.Parse("""
            {"apiVersion": "apps/v1", "kind": "Deployment",
             "metadata": {"name": "web", "labels": {"app": "web"}},
             "spec": {
               "replicas": 2,
               "selector": {"matchLabels": {"app": "web"}},
               "template": {
                 "metadata": {"labels": {"app": "web"}},
                 "spec": {"containers": [{
                   "name": "web", "image": "nginx:1.27", "args": ["--port", "8080"],
                   "ports": [{"containerPort": 80}], "resources": {}}]}}}}
            """);

        var set = FieldSet.FromObject(deployment, TestShapes.Deployment);

        Assert.Equal(
            """{"f:apiVersion":{},"f:kind":{},"f:metadata":{"f:labels":{"f:app":{}},"f:name":{}},"f:spec":{"f:replicas":{},"f:selector":{},"f:template":{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"web\"}":{".":{},"f:args":{},"f:image":{},"f:name":{},"f:ports":{"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{}}}}}}}}}""",
            Json.Compact(set.ToFieldsV1()));
    }

    [Fact]
    public void From_object_owns_set_elements_by_value()
    {
        var gateway = Json.Parse("""
            {"apiVersion": "gateway.example.com/v1", "kind": "Gateway",
             "metadata": {"name": "edge", "finalizers": ["gateway.example.com/cleanup"]},
             "spec": {"hosts": ["www.bank.example", "api.bank.example"]}}
            """);

        var set = FieldSet.FromObject(gateway, TestShapes.Gateway);

        Assert.Equal(
            """{"f:apiVersion":{},"f:kind":{},"f:metadata":{"f:finalizers":{"v:\"gateway.example.com/cleanup\"":{}},"f:name":{}},"f:spec":{"f:hosts":{"v:\"api.bank.example\"":{},"v:\"www.bank.example\"":{}}}}""",
            Json.Compact(set.ToFieldsV1()));
    }

    [Fact]
    public void From_object_with_an_unknown_shape_counts_keys_as_fields_and_lists_as_atomic()
    {
        var obj = Json.Parse("""{"spec":{"a":{"b":1}},"data":[1,2]}""");

        var set = FieldSet.FromObject(obj, TypeShape.Unknown);

        Assert.Equal("""{"f:data":{},"f:spec":{"f:a":{"f:b":{}}}}""", Json.Compact(set.ToFieldsV1()));
    }

    [Fact]
    public void A_list_element_without_its_key_is_reported_with_the_list_path()
    {
        var deployment = Json.Parse("""{"spec":{"template":{"spec":{"containers":[{"image":"nginx"}]}}}}""");

        var error = Assert.Throws<FieldManagementException>(() => FieldSet.FromObject(deployment, TestShapes.Deployment));

        Assert.Equal(".spec.template.spec.containers", error.Field);
        Assert.Equal("element 0: associative list with keys has an element that omits key field \"name\" (and doesn't have default value)", error.Reason);
    }

    [Fact]
    public void A_value_of_the_wrong_kind_is_reported_with_its_path()
    {
        var deployment = Json.Parse("""{"spec":{"template":{"spec":{"containers":{"name":"web"}}}}}""");

        var error = Assert.Throws<FieldManagementException>(() => FieldSet.FromObject(deployment, TestShapes.Deployment));

        Assert.Equal(".spec.template.spec.containers: expected list, got object", error.Message);
    }

    [Fact]
    public void Equal_sets_are_equal_whatever_order_they_were_built_in()
    {
        Assert.Equal(FieldSet.FromPaths([Replicas, Image, Paused]), FieldSet.FromPaths([Paused, Replicas, Image]));
        Assert.NotEqual(FieldSet.FromPaths([Replicas]), FieldSet.FromPaths([Paused]));
    }

    [Fact]
    public void Contains_answers_for_members_only()
    {
        var set = FieldSet.FromPaths([Image]);

        Assert.True(set.Contains(Image));
        Assert.False(set.Contains(FieldPath.Fields("spec", "template")));
    }

    private static List<string> Names(FieldSet set) => set.Paths.Select(p => p.ToString().TrimStart('.')).ToList();
}
