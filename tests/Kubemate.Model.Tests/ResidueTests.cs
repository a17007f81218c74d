using System.Text.Json.Nodes;
using Kubemate.Model.Preservation;

namespace Kubemate.Model.Tests;

public class ResidueTests
{
    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public void Applying_the_residue_to_the_rendering_gives_the_original_back()
    {
        var original = Parse("""{"metadata":{"name":"a","labels":{"team":"pay"}},"spec":{"port":"8080","rules":[{"x":1,"extra":true},{"x":2}],"more":[1,2,3]}}""");
        var rendered = Parse("""{"metadata":{"name":"a"},"spec":{"port":8080,"rules":[{"x":1}],"more":[1,2],"dropped":"yes"}}""");

        var residue = Residue.Compute(original, rendered);

        Assert.True(JsonNode.DeepEquals(original, Residue.Apply(rendered, residue)));
    }

    [Fact]
    public void An_edit_made_through_the_model_wins_over_the_spelling_the_source_used()
    {
        var original = Parse("""{"weight":"500m","labels":{"team":"pay"}}""");
        var residue = Residue.Compute(original, Parse("""{"weight":"0.5"}"""));

        var edited = Residue.Apply(Parse("""{"weight":"0.7"}"""), residue);

        Assert.Equal("0.7", edited["weight"]!.GetValue<string>());
        Assert.Equal("pay", edited["labels"]!["team"]!.GetValue<string>());
    }

    [Fact]
    public void Unknown_fields_inside_list_items_survive_an_edit_of_their_siblings()
    {
        var original = Parse("""{"backends":[{"service":"a","weight":90,"note":"stable"},{"service":"b","weight":10}]}""");
        var residue = Residue.Compute(original, Parse("""{"backends":[{"service":"a","weight":90},{"service":"b","weight":10}]}"""));

        var edited = Residue.Apply(Parse("""{"backends":[{"service":"a","weight":50},{"service":"b","weight":50}]}"""), residue);

        Assert.Equal("stable", edited["backends"]![0]!["note"]!.GetValue<string>());
        Assert.Equal(50, edited["backends"]![0]!["weight"]!.GetValue<int>());
    }

    [Fact]
    public void Identical_objects_leave_no_residue()
    {
        Assert.Null(Residue.Compute(Parse("""{"a":{"b":[1,{"c":2}]}}"""), Parse("""{"a":{"b":[1,{"c":2}]}}""")));
    }
}
