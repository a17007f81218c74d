using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Patching;

namespace Kubemate.ApiMachinery.Tests.Patching;

public class JsonMergePatchTests
{
    [Fact]
    public void Kubectl_label_patch_adds_a_label_and_keeps_the_others()
    {
        // kubectl label deploy/web team=payments
        var result = JsonMergePatch.Apply(
            JsonNode.Parse("""{"metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":2}}"""),
            JsonNode.Parse("""{"metadata":{"labels":{"team":"payments"}}}"""));

        JsonAssert.Equal("""{"metadata":{"name":"web","labels":{"app":"web","team":"payments"}},"spec":{"replicas":2}}""", result);
    }

    [Fact]
    public void Null_deletes_a_member()
    {
        // kubectl label deploy/web tier-
        var result = JsonMergePatch.Apply(
            JsonNode.Parse("""{"metadata":{"labels":{"app":"web","tier":"front"}}}"""),
            JsonNode.Parse("""{"metadata":{"labels":{"tier":null}}}"""));

        JsonAssert.Equal("""{"metadata":{"labels":{"app":"web"}}}""", result);
    }

    [Fact]
    public void Null_for_a_missing_member_changes_nothing()
    {
        var result = JsonMergePatch.Apply(JsonNode.Parse("""{"a":1}"""), JsonNode.Parse("""{"b":null}"""));

        JsonAssert.Equal("""{"a":1}""", result);
    }

    [Fact]
    public void Kubectl_scale_patch_sets_replicas()
    {
        var result = JsonMergePatch.Apply(
            JsonNode.Parse("""{"spec":{"replicas":2},"status":{"replicas":2}}"""),
            JsonNode.Parse("""{"spec":{"replicas":5}}"""));

        JsonAssert.Equal("""{"spec":{"replicas":5},"status":{"replicas":2}}""", result);
    }

    [Fact]
    public void Lists_are_replaced_whole()
    {
        var result = JsonMergePatch.Apply(
            JsonNode.Parse("""{"spec":{"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:1"}]}}"""),
            JsonNode.Parse("""{"spec":{"containers":[{"name":"b","image":"b:2"}]}}"""));

        JsonAssert.Equal("""{"spec":{"containers":[{"name":"b","image":"b:2"}]}}""", result);
    }

    [Fact]
    public void Nulls_inside_a_new_object_are_dropped()
    {
        var result = JsonMergePatch.Apply(JsonNode.Parse("""{"a":"text"}"""), JsonNode.Parse("""{"a":{"b":1,"c":null}}"""));

        JsonAssert.Equal("""{"a":{"b":1}}""", result);
    }

    [Fact]
    public void A_patch_that_is_not_an_object_replaces_the_target()
    {
        JsonAssert.Equal("""[1,2]""", JsonMergePatch.Apply(JsonNode.Parse("""{"a":1}"""), JsonNode.Parse("[1,2]")));
        Assert.Null(JsonMergePatch.Apply(JsonNode.Parse("""{"a":1}"""), null));
    }

    [Fact]
    public void An_object_patch_on_a_missing_target_builds_the_object()
    {
        JsonAssert.Equal("""{"a":{"b":"c"}}""", JsonMergePatch.Apply(null, JsonNode.Parse("""{"a":{"b":"c","d":null}}""")));
    }

    [Fact]
    public void The_arguments_are_not_modified()
    {
        var target = JsonNode.Parse("""{"a":{"b":1}}""");
        var patch = JsonNode.Parse("""{"a":{"b":2,"c":3}}""");

        JsonMergePatch.Apply(target, patch);

        JsonAssert.Equal("""{"a":{"b":1}}""", target);
        JsonAssert.Equal("""{"a":{"b":2,"c":3}}""", patch);
    }
}
