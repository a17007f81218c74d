using Kubemate.ApiMachinery.Selectors;

namespace Kubemate.ApiMachinery.Tests.Selectors;

public class LabelSelectorParseTests
{
    private static readonly Dictionary<string, string> WebCanary = new()
    {
        ["app"] = "web",
        ["track"] = "canary",
        ["version"] = "7",
    };

    [Theory]
    [InlineData("app=web", true)]
    [InlineData("app==web", true)]
    [InlineData("app!=web", false)]
    [InlineData("app!=api", true)]
    [InlineData("track in (canary, stable)", true)]
    [InlineData("track notin (canary)", false)]
    [InlineData("tier notin (db)", true)]
    [InlineData("track", true)]
    [InlineData("!track", false)]
    [InlineData("!tier", true)]
    [InlineData("app=web,track=stable", false)]
    [InlineData("app=web, track in (canary), !tier", true)]
    [InlineData("version>5", true)]
    [InlineData("version<5", false)]
    public void Query_string_selectors_match_as_kubernetes_does(string selector, bool expected)
    {
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(WebCanary));
    }

    [Fact]
    public void Not_equals_matches_objects_without_the_label()
    {
        Assert.True(LabelSelector.Parse("tier!=db").Matches(new Dictionary<string, string>()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_selector_selects_everything(string? text)
    {
        var selector = LabelSelector.Parse(text);

        Assert.True(selector.IsEverything);
        Assert.True(selector.Matches(new Dictionary<string, string>()));
    }

    [Fact]
    public void Empty_value_after_equals_means_the_empty_value()
    {
        var selector = LabelSelector.Parse("tier=");

        Assert.True(selector.Matches(new Dictionary<string, string> { ["tier"] = "" }));
        Assert.False(selector.Matches(new Dictionary<string, string>()));
    }

    [Fact]
    public void Keywords_can_be_values_and_keys()
    {
        var selector = LabelSelector.Parse("in in (in,notin)");

        Assert.True(selector.Matches(new Dictionary<string, string> { ["in"] = "notin" }));
    }

    [Fact]
    public void Requirements_are_sorted_by_key_and_print_canonically()
    {
        var selector = LabelSelector.Parse("z=1, a in (y,x), !m, example.com/k");

        Assert.Equal("a in (x,y),example.com/k,!m,z=1", selector.ToString());
        Assert.Equal(SelectorOperator.In, selector.Requirements[0].Operator);
        Assert.Equal(["x", "y"], selector.Requirements[0].Values);
    }

    [Fact]
    public void Exact_match_is_found_for_equality_and_single_value_sets()
    {
        Assert.True(LabelSelector.Parse("app in (web)").TryGetExactMatch("app", out var value));
        Assert.Equal("web", value);
        Assert.False(LabelSelector.Parse("app!=web").TryGetExactMatch("app", out _));
    }

    [Theory]
    [InlineData("app=web,", "found 'end of string', expected: identifier after ','")]
    [InlineData("app=web x", "found 'x', expected: ',' or 'end of string'")]
    [InlineData("=web", "found '=', expected: !, identifier, or 'end of string'")]
    [InlineData("app in web", "unable to parse requirement: found 'web', expected: '('")]
    [InlineData("app in (a b)", "unable to parse requirement: found 'b', expected: ',' or ')'")]
    [InlineData("app in (a", "unable to parse requirement: found 'end of string', expected: ',' or ')'")]
    [InlineData("app (x)", "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt")]
    [InlineData("!app=web", "found '=', expected: ',' or 'end of string'")]
    [InlineData("app=(x)", "unable to parse requirement: found '(', expected: identifier")]
    public void Malformed_selectors_say_what_was_found_and_what_was_expected(string text, string message)
    {
        var error = Assert.Throws<SelectorFormatException>(() => LabelSelector.Parse(text));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Invalid_key_is_rejected_with_the_label_key_rule()
    {
        var error = Assert.Throws<SelectorFormatException>(() => LabelSelector.Parse("bad_key_=x"));

        Assert.StartsWith("unable to parse requirement: key: Invalid value: \"bad_key_\": name part must consist of", error.Message);
    }

    [Fact]
    public void Invalid_value_is_rejected_with_the_label_value_rule()
    {
        var error = Assert.Throws<SelectorFormatException>(() => LabelSelector.Parse("app=-web"));

        Assert.StartsWith("unable to parse requirement: values[0][app]: Invalid value: \"-web\": a valid label must be", error.Message);
    }

    [Fact]
    public void Greater_than_needs_an_integer()
    {
        var error = Assert.Throws<SelectorFormatException>(() => LabelSelector.Parse("version>new"));

        Assert.Contains("for 'Gt', 'Lt' operators, the value must be an integer", error.Message);
    }
}
