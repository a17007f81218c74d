using System.Text.Json.Nodes;

namespace Kubemate.Schema.Tests;

public class GoRegexTests
{
    private static bool Matches(string pattern, string value) =>
        SchemaValidator.Validate(JsonValue.Create(value), Yaml.Schema($"type: string\npattern: '{pattern.Replace("'", "''")}'")).Count == 0;

    [Fact]
    public void Digit_classes_are_ascii_only_as_in_re2() => Assert.False(Matches("^\\d+$", "١٢٣"));

    [Fact]
    public void Dollar_matches_only_at_the_very_end() => Assert.False(Matches("^abc$", "abc\n"));

    [Fact]
    public void Go_named_groups_and_posix_classes_compile() => Assert.True(Matches("^(?P<name>[[:alpha:]]+)-[[:digit:]]+$", "web-12"));

    [Fact]
    public void Patterns_match_anywhere_unless_anchored() => Assert.True(Matches("b", "abc"));

    [Fact]
    public void An_invalid_pattern_is_reported_by_the_structural_check()
    {
        var schema = Yaml.Object("{type: object, properties: {a: {type: string, pattern: '([a-z'}}}");

        var error = Assert.Single(StructuralSchema.CheckStructural(schema, "schema"));

        Assert.Equal("schema.properties[a].pattern", error.Field);
        Assert.StartsWith("must be a valid regular expression, but isn't:", error.Detail, StringComparison.Ordinal);
    }
}
