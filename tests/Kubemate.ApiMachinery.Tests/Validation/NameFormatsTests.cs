using Kubemate.ApiMachinery.Validation;

namespace Kubemate.ApiMachinery.Tests.Validation;

public class NameFormatsTests
{
    [Theory]
    [InlineData("web")]
    [InlineData("payment-api.v2")]
    [InlineData("0abc")]
    public void Valid_subdomains_have_no_errors(string name) => Assert.Empty(NameFormats.IsDns1123Subdomain(name));

    [Fact]
    public void Subdomain_longer_than_253_characters_is_too_long()
    {
        var errors = NameFormats.IsDns1123Subdomain(new string('a', 254));

        Assert.Equal(["must be no more than 253 characters"], errors);
    }

    [Fact]
    public void Label_with_dots_only_says_it_must_not_contain_dots()
    {
        Assert.Equal(["must not contain dots"], NameFormats.IsDns1123Label("team.payments"));
    }

    [Fact]
    public void Label_with_upper_case_gives_the_label_regex_and_both_examples()
    {
        var error = Assert.Single(NameFormats.IsDns1123Label("Payments"));

        Assert.Equal(
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
            error);
    }

    [Fact]
    public void Rfc1035_label_must_start_with_a_letter()
    {
        Assert.Single(NameFormats.IsDns1035Label("1web"));
        Assert.Empty(NameFormats.IsDns1035Label("web1"));
    }

    [Theory]
    [InlineData(".", "may not be '.'")]
    [InlineData("..", "may not be '..'")]
    [InlineData("a/b", "may not contain '/'")]
    [InlineData("100%", "may not contain '%'")]
    public void Path_segment_names_reject_what_breaks_a_url(string name, string expected)
    {
        Assert.Equal([expected], NameFormats.IsPathSegmentName(name));
    }

    [Fact]
    public void Path_segment_names_allow_colons_and_upper_case()
    {
        Assert.Empty(NameFormats.IsPathSegmentName("system:controller:Replicaset"));
    }

    [Fact]
    public void Qualified_name_checks_prefix_and_name_separately()
    {
        var errors = NameFormats.IsQualifiedName("Example.com/-bad");

        Assert.Equal(2, errors.Count);
        Assert.StartsWith("prefix part a lowercase RFC 1123 subdomain", errors[0]);
        Assert.StartsWith("name part must consist of alphanumeric characters, '-', '_' or '.'", errors[1]);
    }

    [Fact]
    public void Qualified_name_with_two_slashes_is_rejected_as_a_whole()
    {
        var error = Assert.Single(NameFormats.IsQualifiedName("a/b/c"));

        Assert.StartsWith("a qualified name must consist of", error);
        Assert.EndsWith("with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')", error);
    }

    [Fact]
    public void Qualified_name_with_empty_prefix_or_name_says_which_part()
    {
        Assert.Contains("prefix part must be non-empty", NameFormats.IsQualifiedName("/app"));
        Assert.Contains("name part must be non-empty", NameFormats.IsQualifiedName("example.com/"));
    }

    [Fact]
    public void Qualified_name_part_longer_than_63_characters_is_too_long()
    {
        Assert.Equal(["name part must be no more than 63 characters"], NameFormats.IsQualifiedName(new string('a', 64)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("v1.2_rc-3")]
    public void Label_values_may_be_empty_or_alphanumeric_with_separators(string value) =>
        Assert.Empty(NameFormats.IsLabelValue(value));

    [Fact]
    public void Label_value_with_a_space_is_invalid()
    {
        var error = Assert.Single(NameFormats.IsLabelValue("a b"));

        Assert.StartsWith("a valid label must be an empty string or consist of alphanumeric characters", error);
    }

    [Fact]
    public void Generate_name_prefix_may_end_with_a_dash()
    {
        Assert.Empty(NameFormats.CheckName(NameRule.Dns1123Subdomain, "web-", isPrefix: true));
        Assert.NotEmpty(NameFormats.CheckName(NameRule.Dns1123Subdomain, "web-"));
    }
}
