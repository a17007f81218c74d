using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Patching;

namespace Kubemate.ApiMachinery.Tests.Patching;

public class JsonPatchTests
{
    private const string Deployment = """
        {"metadata":{"name":"web","labels":{"app":"web"},"annotations":{"a/b":"slash","c~d":"tilde"}},
         "spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"app","image":"app:1"},{"name":"sidecar","image":"side:1"}]}}}}
        """;

    private static JsonNode Patch(string operations) => JsonPatch.Apply(JsonNode.Parse(Deployment)!, JsonNode.Parse(operations)!);

    private static string Failure(string operations) => Assert.Throws<PatchException>(() => Patch(operations)).Message;

    [Fact]
    public void Add_sets_a_new_member()
    {
        var result = Patch("""[{"op":"add","path":"/metadata/labels/tier","value":"front"}]""");

        JsonAssert.Equal("""{"app":"web","tier":"front"}""", result["metadata"]!["labels"]);
    }

    [Fact]
    public void Add_replaces_an_existing_member()
    {
        var result = Patch("""[{"op":"add","path":"/spec/replicas","value":5}]""");

        Assert.Equal(5, result["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public void Add_inserts_into_a_list_at_an_index_and_appends_with_dash()
    {
        var result = Patch("""
            [{"op":"add","path":"/spec/template/spec/containers/0","value":{"name":"init"}},
             {"op":"add","path":"/spec/template/spec/containers/-","value":{"name":"last"}}]
            """);

        var names = result["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => (string?)c!["name"]);
        Assert.Equal(["init", "app", "sidecar", "last"], names);
    }

    [Fact]
    public void Add_at_the_root_replaces_the_document()
    {
        JsonAssert.Equal("""{"kind":"Other"}""", Patch("""[{"op":"add","path":"","value":{"kind":"Other"}}]"""));
    }

    [Fact]
    public void Pointer_escapes_name_members_with_slash_and_tilde()
    {
        var result = Patch("""
            [{"op":"replace","path":"/metadata/annotations/a~1b","value":"s"},
             {"op":"remove","path":"/metadata/annotations/c~0d"}]
            """);

        JsonAssert.Equal("""{"a/b":"s"}""", result["metadata"]!["annotations"]);
    }

    [Fact]
    public void Remove_deletes_a_member_and_a_list_element()
    {
        var result = Patch("""
            [{"op":"remove","path":"/metadata/labels/app"},
             {"op":"remove","path":"/spec/template/spec/containers/1"}]
            """);

        JsonAssert.Equal("{}", result["metadata"]!["labels"]);
        Assert.Single(result["spec"]!["template"]!["spec"]!["containers"]!.AsArray());
    }

    [Fact]
    public void Replace_changes_an_existing_value()
    {
        var result = Patch("""[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"app:2"}]""");

        Assert.Equal("app:2", (string?)result["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);
    }

    [Fact]
    public void Move_removes_the_source_and_adds_at_the_target()
    {
        var result = Patch("""[{"op":"move","from":"/metadata/labels/app","path":"/metadata/annotations/app"}]""");

        JsonAssert.Equal("{}", result["metadata"]!["labels"]);
        Assert.Equal("web", (string?)result["metadata"]!["annotations"]!["app"]);
    }

    [Fact]
    public void Move_reorders_list_elements()
    {
        var result = Patch("""[{"op":"move","from":"/spec/template/spec/containers/1","path":"/spec/template/spec/containers/0"}]""");

        var names = result["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => (string?)c!["name"]);
        Assert.Equal(["sidecar", "app"], names);
    }

    [Fact]
    public void Copy_duplicates_a_value_without_sharing_it()
    {
        var result = Patch("""
            [{"op":"copy","from":"/spec/template/spec/containers/0","path":"/spec/template/spec/containers/-"},
             {"op":"replace","path":"/spec/template/spec/containers/2/name","value":"copy"}]
            """);

        var names = result["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => (string?)c!["name"]);
        Assert.Equal(["app", "sidecar", "copy"], names);
    }

    [Fact]
    public void Test_passes_on_an_equal_value_and_compares_numbers_by_value()
    {
        var result = Patch("""
            [{"op":"test","path":"/spec/replicas","value":2.0},
             {"op":"test","path":"/metadata/labels","value":{"app":"web"}},
             {"op":"replace","path":"/spec/replicas","value":3}]
            """);

        Assert.Equal(3, result["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public void Failed_test_names_the_path_and_both_values()
    {
        var message = Failure("""[{"op":"test","path":"/spec/replicas","value":3}]""");

        Assert.Equal("JSON patch operation 0 (test): test failed: the value at \"/spec/replicas\" is 2, not 3", message);
    }

    [Fact]
    public void Replacing_a_missing_path_fails_with_the_path()
    {
        var message = Failure("""[{"op":"replace","path":"/spec/foo","value":1}]""");

        Assert.Equal("JSON patch operation 0 (replace): the path \"/spec/foo\" does not exist", message);
    }

    [Theory]
    [InlineData("""[{"op":"remove","path":"/metadata/labels/missing"}]""", "(remove): the path \"/metadata/labels/missing\" does not exist")]
    [InlineData("""[{"op":"add","path":"/spec/missing/child","value":1}]""", "(add): the path \"/spec/missing/child\" does not exist")]
    [InlineData("""[{"op":"add","path":"/spec/template/spec/containers/5","value":{}}]""", "does not name a position in a list of 2 elements")]
    [InlineData("""[{"op":"replace","path":"/spec/template/spec/containers/-","value":{}}]""", "(replace): the path \"/spec/template/spec/containers/-\" does not exist")]
    [InlineData("""[{"op":"remove","path":"/spec/template/spec/containers/01"}]""", "does not exist")]
    [InlineData("""[{"op":"move","from":"/nothing","path":"/spec/x"}]""", "(move): the path \"/nothing\" does not exist")]
    [InlineData("""[{"op":"move","from":"/spec","path":"/spec/template/x"}]""", "cannot be moved into its own child")]
    [InlineData("""[{"op":"copy","from":"/nothing","path":"/spec/x"}]""", "(copy): the path \"/nothing\" does not exist")]
    [InlineData("""[{"op":"test","path":"/nothing","value":1}]""", "(test): the path \"/nothing\" does not exist")]
    [InlineData("""[{"op":"remove","path":""}]""", "the whole document cannot be removed")]
    public void Operations_on_missing_or_invalid_paths_fail(string operations, string expected)
    {
        Assert.Contains(expected, Failure(operations));
    }

    [Theory]
    [InlineData("""{"op":"add","path":"/a"}""", "JSON patch operation 0 (add): missing \"value\"")]
    [InlineData("""{"op":"merge","path":"/a"}""", "JSON patch operation 0: unknown operation \"merge\"")]
    [InlineData("""{"path":"/a"}""", "JSON patch operation 0: \"op\" must be a string")]
    [InlineData("""{"op":"remove"}""", "JSON patch operation 0 (remove): \"path\" must be a string")]
    [InlineData("""{"op":"move","path":"/a"}""", "JSON patch operation 0 (move): \"from\" must be a string")]
    [InlineData("""{"op":"remove","path":"spec"}""", "is not a JSON pointer")]
    [InlineData("""{"op":"remove","path":"/a~2b"}""", "invalid escape")]
    [InlineData("\"remove\"", "JSON patch operation 0 is not an object")]
    public void Malformed_operations_are_rejected(string operation, string expected)
    {
        Assert.Contains(expected, Failure($"[{operation}]"));
    }

    [Fact]
    public void A_patch_document_must_be_a_list()
    {
        Assert.Equal("a JSON patch must be a list of operations", Failure("""{"op":"remove","path":"/spec"}"""));
    }

    [Fact]
    public void A_failing_operation_leaves_the_target_untouched()
    {
        var target = JsonNode.Parse(Deployment)!;

        Assert.Throws<PatchException>(() => JsonPatch.Apply(target, JsonNode.Parse("""
            [{"op":"replace","path":"/spec/replicas","value":9},{"op":"test","path":"/spec/replicas","value":2}]
            """)!));

        Assert.Equal(2, target["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public void Null_values_can_be_added_and_tested()
    {
        var result = Patch("""
            [{"op":"add","path":"/spec/paused","value":null},
             {"op":"test","path":"/spec/paused","value":null}]
            """);

        Assert.True(result["spec"]!.AsObject().ContainsKey("paused"));
    }
}
