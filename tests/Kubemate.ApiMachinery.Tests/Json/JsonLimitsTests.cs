using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Json;

namespace Kubemate.ApiMachinery.Tests.Json;

/// <summary>The one depth limit: read up to it, refused beyond it naming the limit and where, measured without recursion.</summary>
public sealed class JsonLimitsTests
{
    private static string Nested(int levels) => new string('[', levels) + "1" + new string(']', levels);

    [Fact]
    public void A_document_at_the_limit_is_read_and_one_level_more_is_refused_naming_the_limit_and_the_position()
    {
        Assert.NotNull(JsonLimits.ParseInput(Nested(JsonLimits.MaxDepth)));

        var error = Assert.Throws<JsonDepthException>(() => JsonLimits.ParseInput("{\"a\":\n" + Nested(JsonLimits.MaxDepth) + "}"));

        Assert.Equal($"nested deeper than the limit of {JsonLimits.MaxDepth} levels (line 2, byte {JsonLimits.MaxDepth})", error.Message);
    }

    [Fact]
    public void A_hundred_thousand_levels_are_refused_and_malformed_json_is_not_called_too_deep()
    {
        Assert.Throws<JsonDepthException>(() => JsonLimits.ParseInput(new string('[', 100_000) + new string(']', 100_000)));

        var malformed = Assert.ThrowsAny<JsonException>(() => JsonLimits.ParseInput("{\"a\": [1,}"));
        Assert.IsNotType<JsonDepthException>(malformed);
    }

    [Fact]
    public void The_path_beyond_the_limit_names_the_first_too_deep_value_and_skips_ignored_members()
    {
        var root = new JsonObject
        {
            ["metadata"] = new JsonObject { ["managedFields"] = JsonNode.Parse(Nested(10)) },
            ["spec"] = new JsonObject { ["a"] = new JsonArray(new JsonObject { ["b"] = 1 }) },
        };

        Assert.Equal("spec.a[0]", JsonLimits.PathBeyond(root, 3, ["metadata.managedFields"]));
        Assert.Null(JsonLimits.PathBeyond(root, 4, ["metadata.managedFields"]));
        Assert.NotNull(JsonLimits.PathBeyond(root, 4));
        Assert.Null(JsonLimits.PathBeyond(JsonValue.Create(1), 0));
    }
}
