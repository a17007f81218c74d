using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Selectors;

namespace Kubemate.ApiMachinery.Tests.Selectors;

public class LabelSelectorJsonTests
{
    private static LabelSelector FromJson(string json) => LabelSelector.FromJson(JsonNode.Parse(json), "spec.selector");

    [Fact]
    public void Match_labels_and_expressions_must_all_hold()
    {
        var selector = FromJson("""
            {"matchLabels":{"app":"payment"},
             "matchExpressions":[{"key":"track","operator":"In","values":["stable","canary"]},
                                 {"key":"debug","operator":"DoesNotExist"}]}
            """);

        Assert.True(selector.Matches(new Dictionary<string, string> { ["app"] = "payment", ["track"] = "canary" }));
        Assert.False(selector.Matches(new Dictionary<string, string> { ["app"] = "payment", ["track"] = "canary", ["debug"] = "1" }));
        Assert.False(selector.Matches(new Dictionary<string, string> { ["app"] = "payment" }));
    }

    [Fact]
    public void Plain_map_selects_like_a_service_selector()
    {
        var selector = FromJson("""{"app":"payment","tier":"api"}""");

        Assert.True(selector.Matches(new Dictionary<string, string> { ["app"] = "payment", ["tier"] = "api", ["pod-template-hash"] = "x" }));
        Assert.False(selector.Matches(new Dictionary<string, string> { ["app"] = "payment" }));
        Assert.Equal("app=payment,tier=api", selector.ToString());
    }

    [Fact]
    public void Null_selector_selects_nothing_and_empty_selects_everything()
    {
        Assert.False(LabelSelector.FromJson(null).Matches(new Dictionary<string, string>()));
        Assert.True(LabelSelector.FromJson(null).IsNothing);
        Assert.True(FromJson("{}").Matches(new Dictionary<string, string> { ["a"] = "b" }));
    }

    [Fact]
    public void Selector_matches_an_objects_metadata_labels()
    {
        var pod = JsonNode.Parse("""{"metadata":{"name":"p","labels":{"app":"web"}}}""")!.AsObject();

        Assert.True(LabelSelector.Parse("app=web").MatchesObject(pod));
        Assert.False(LabelSelector.Parse("app").MatchesObject(new JsonObject()));
    }

    [Fact]
    public void Unknown_operator_names_the_field_and_the_supported_operators()
    {
        var error = Assert.Throws<SelectorFormatException>(() =>
            FromJson("""{"matchExpressions":[{"key":"a","operator":"Equals","values":["x"]}]}"""));

        Assert.Equal(
            "spec.selector.matchExpressions[0].operator: Unsupported value: \"Equals\": supported values: \"In\", \"NotIn\", \"Exists\", \"DoesNotExist\"",
            error.Message);
    }

    [Fact]
    public void In_without_values_and_exists_with_values_are_rejected()
    {
        var error = Assert.Throws<SelectorFormatException>(() => FromJson("""
            {"matchExpressions":[{"key":"a","operator":"In"},{"key":"b","operator":"Exists","values":["x"]}]}
            """));

        Assert.Equal(
            [
                "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
                "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
            ],
            error.Violations.Select(v => v.Message));
    }

    [Fact]
    public void Bad_match_label_is_reported_under_match_labels()
    {
        var error = Assert.Throws<SelectorFormatException>(() => FromJson("""{"matchLabels":{"app":"a b"}}"""));

        Assert.StartsWith("spec.selector.matchLabels: Invalid value: \"a b\"", error.Message);
    }

    [Fact]
    public void Non_object_selector_is_rejected()
    {
        var error = Assert.Throws<SelectorFormatException>(() => LabelSelector.FromJson(JsonValue.Create("app=web"), "spec.selector"));

        Assert.Equal("spec.selector: Invalid value: \"app=web\": must be an object", error.Message);
    }
}
