using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Json;
using Kubemate.ApiMachinery.Yaml;

namespace Kubemate.ApiMachinery.Tests.Yaml;

/// <summary>No YAML input may exhaust the stack or the memory of the process that reads it.</summary>
public sealed class YamlLimitsTests
{
    [Theory]
    [InlineData("flow sequences", "[", "]")]
    [InlineData("flow mappings", "{a: ", "}")]
    public void Fifty_thousand_levels_of_flow_nesting_are_refused_naming_the_limit_instead_of_overflowing_the_stack(string what, string open, string close)
    {
        var yaml = string.Concat(Enumerable.Repeat(open, 50_000)) + "1" + string.Concat(Enumerable.Repeat(close, 50_000));

        var error = Assert.Throws<YamlFormatException>(() => YamlJson.ParseDocuments(yaml));

        Assert.Contains($"nested deeper than the limit of {JsonLimits.MaxDepth} levels", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(what);
    }

    [Fact]
    public void Fifty_thousand_compact_block_sequences_on_one_line_are_refused_too()
    {
        var error = Assert.Throws<YamlFormatException>(() => YamlJson.ParseDocuments(string.Concat(Enumerable.Repeat("- ", 50_000)) + "x"));

        Assert.Contains($"limit of {JsonLimits.MaxDepth} levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void As_many_levels_as_the_json_limit_are_read_and_one_more_is_not()
    {
        static string Nested(int levels) => new string('[', levels) + "1" + new string(']', levels);

        var node = YamlJson.Parse(Nested(JsonLimits.MaxDepth))!;
        var depth = 0;
        for (JsonNode? at = node; at is JsonArray array; at = array[0])
        {
            depth++;
        }
        Assert.Equal(JsonLimits.MaxDepth, depth);
        Assert.Throws<YamlFormatException>(() => YamlJson.Parse(Nested(JsonLimits.MaxDepth + 1)));
    }

    [Fact]
    public void A_billion_laughs_is_refused_before_it_is_built()
    {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n" +
                   string.Concat(Enumerable.Range(1, 8).Select(i => $"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(",", Enumerable.Repeat($"*{(char)('a' + i - 1)}", 9))}]\n"));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<YamlFormatException>(() => YamlJson.ParseDocuments(yaml));

        Assert.Contains("limit of 1000000 nodes", error.Message, StringComparison.Ordinal);
        Assert.True(yaml.Length < 500);
        // Refused having built at most the nodes under the limit (well under a gigabyte; 9^9 nodes would be hundreds of GB).
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 512L * 1024 * 1024);
    }

    [Fact]
    public void A_long_value_repeated_through_aliases_counts_as_its_expanded_size()
    {
        var limits = new YamlLimits { MaxScalarCharacters = 10_000 };
        var yaml = "a: &v " + new string('x', 4_000) + "\nb: *v\nc: *v\n";

        var error = Assert.Throws<YamlFormatException>(() => YamlJson.ParseDocuments(yaml, limits));

        Assert.Contains("limit of 10000 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_within_the_limits_are_copies_of_their_anchor()
    {
        var doc = (JsonObject)YamlJson.Parse("base: &b {image: nginx, ports: [80]}\ncopy: *b\n")!;

        Assert.True(JsonNode.DeepEquals(doc["base"], doc["copy"]));
        ((JsonObject)doc["copy"]!)["image"] = "changed";
        Assert.Equal("nginx", (string?)doc["base"]!["image"]);
    }

    [Theory]
    [InlineData("a: *missing\n", "refers to no anchor")]
    [InlineData("? [a]\n: 1\n", "mapping keys must be scalars")]
    [InlineData("a: 1\na: 2\n", "duplicate key \"a\"")]
    [InlineData("base: &b {x: 1}\nm:\n  <<: *b\n", "merge keys are not supported")]
    [InlineData("a: [1, 2\n", "invalid YAML at line")]
    public void Malformed_yaml_is_refused_with_what_and_where(string yaml, string expected)
    {
        var error = Assert.Throws<YamlFormatException>(() => YamlJson.ParseDocuments(yaml));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_documents_keep_their_order_and_empty_ones_are_skipped()
    {
        var documents = YamlJson.ParseDocuments("a: 1\n---\n---\n- x\n---\n~\n");

        Assert.Equal(["{\"a\":1}", "[\"x\"]"], documents.Select(d => d.ToJsonString()));
    }
}
