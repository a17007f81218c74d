using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Selectors;

namespace Kubemate.ApiMachinery.Tests.Selectors;

public class FieldSelectorTests
{
    private static readonly JsonObject Pod = JsonNode.Parse("""
        {"metadata":{"name":"web-1","namespace":"orders"},
         "spec":{"nodeName":"node-a","hostNetwork":false},
         "status":{"phase":"Running"}}
        """)!.AsObject();

    private static readonly JsonObject Event = JsonNode.Parse("""
        {"metadata":{"name":"web-1.17a","namespace":"orders"},
         "involvedObject":{"kind":"Pod","name":"web-1"},"reason":"Killing","type":"Normal"}
        """)!.AsObject();

    [Theory]
    [InlineData("metadata.name=web-1", true)]
    [InlineData("metadata.name==web-1", true)]
    [InlineData("metadata.name!=web-1", false)]
    [InlineData("metadata.namespace=orders,status.phase=Running", true)]
    [InlineData("status.phase!=Running", false)]
    [InlineData("spec.nodeName=node-a", true)]
    [InlineData("spec.hostNetwork=false", true)]
    [InlineData("spec.schedulerName=", true)]
    [InlineData("spec.schedulerName!=", false)]
    public void Pod_fields_match(string selector, bool expected)
    {
        Assert.Equal(expected, FieldSelector.Parse(selector).Matches(Pod));
    }

    [Fact]
    public void Event_involved_object_fields_match()
    {
        Assert.True(FieldSelector.Parse("involvedObject.kind=Pod,involvedObject.name=web-1,type=Normal").Matches(Event));
        Assert.False(FieldSelector.Parse("involvedObject.name=web-2").Matches(Event));
    }

    [Fact]
    public void Blank_field_selector_selects_everything()
    {
        Assert.True(FieldSelector.Parse("").IsEverything);
        Assert.True(FieldSelector.Parse(null).Matches(Pod));
    }

    [Fact]
    public void Escaped_commas_and_equals_stay_in_the_value()
    {
        var selector = FieldSelector.Parse(@"metadata.name=a\,b\=c\\d,status.phase=x");

        Assert.Equal(["a,b=c\\d", "x"], selector.Requirements.Select(r => r.Value));
        Assert.Equal(@"metadata.name=a\,b\=c\\d,status.phase=x", selector.ToString());
    }

    [Fact]
    public void Term_without_an_operator_is_refused_with_the_whole_selector()
    {
        var error = Assert.Throws<SelectorFormatException>(() => FieldSelector.Parse("metadata.name=a,status.phase"));

        Assert.Equal("invalid selector: 'metadata.name=a,status.phase'; can't understand 'status.phase'", error.Message);
    }

    [Theory]
    [InlineData(@"metadata.name=a\b", @"invalid field selector: invalid escape sequence: \b")]
    [InlineData(@"metadata.name=a\", @"invalid field selector: invalid escape sequence: \")]
    [InlineData("metadata.name=a=b", "invalid field selector: unescaped character in value: =")]
    public void Bad_escapes_are_refused(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<SelectorFormatException>(() => FieldSelector.Parse(text)).Message);
    }

    [Fact]
    public void Unsupported_fields_are_listed_once_for_the_server_to_refuse()
    {
        var selector = FieldSelector.Parse("spec.foo=1,metadata.name=x,spec.foo!=2,status.phase=Running");

        var unsupported = selector.UnsupportedFields(["metadata.name", "metadata.namespace", "status.phase"]);

        Assert.Equal(["spec.foo"], unsupported);
        Assert.Equal("field label not supported: spec.foo", FieldSelector.UnsupportedFieldMessage(unsupported[0]));
    }

    [Fact]
    public void Exact_name_match_is_found_for_single_object_watches()
    {
        Assert.True(FieldSelector.Parse("metadata.name=web-1").TryGetExactMatch("metadata.name", out var name));
        Assert.Equal("web-1", name);
        Assert.False(FieldSelector.Parse("metadata.name!=web-1").TryGetExactMatch("metadata.name", out _));
    }

    [Fact]
    public void Caller_can_supply_computed_field_values()
    {
        var selector = FieldSelector.Parse("source=kubelet");

        Assert.True(selector.Matches(field => field == "source" ? "kubelet" : null));
    }
}
