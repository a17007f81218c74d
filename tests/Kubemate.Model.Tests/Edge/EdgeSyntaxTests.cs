using Kubemate.Model.Edge.Validation;

namespace Kubemate.Model.Tests.Edge;

public class EdgeSyntaxTests
{
    [Theory]
    [InlineData("10.0.0.0/8", true, "")]
    [InlineData("192.168.1.7/32", true, "")]
    [InlineData("fd00::/8", true, "")]
    [InlineData("0.0.0.0/0", true, "")]
    [InlineData("10.0.0.0/33", false, "invalid prefix length")]
    [InlineData("10.1.2.3/8", false, "did you mean 10.0.0.0/8")]
    [InlineData("10.0.0.0", false, "is not a CIDR")]
    [InlineData("ten/8", false, "is not a CIDR")]
    [InlineData("10.0.0.0/-1", false, "invalid prefix length")]
    public void Cidrs_are_checked_with_a_reason(string value, bool valid, string reason)
    {
        Assert.Equal(valid, EdgeSyntax.TryParseCidr(value, out var why));
        Assert.Contains(reason, why);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("1h30m", 5400)]
    [InlineData("2160h", 7776000)]
    [InlineData("1.5s", 1.5)]
    [InlineData("0", 0)]
    public void Go_durations_parse(string value, double seconds)
    {
        Assert.True(EdgeSyntax.TryParseGoDuration(value, out var duration));
        Assert.Equal(seconds, duration.TotalSeconds);
    }

    [Theory]
    [InlineData("90 s")]
    [InlineData("1d")]
    [InlineData("h")]
    [InlineData("")]
    public void Other_durations_do_not_parse(string value)
    {
        Assert.False(EdgeSyntax.TryParseGoDuration(value, out _));
    }

    [Theory]
    [InlineData("shop.bank.example", true)]
    [InlineData("traefik-service", true)]
    [InlineData("Shop.bank.example", false)]
    [InlineData("-shop.example", false)]
    [InlineData("shop..example", false)]
    [InlineData("*.bank.example", false)]
    public void Host_names_follow_dns_rules(string value, bool valid)
    {
        Assert.Equal(valid, EdgeSyntax.IsHostName(value));
    }

    [Fact]
    public void A_wildcard_is_allowed_only_where_asked_for_and_only_in_front()
    {
        Assert.True(EdgeSyntax.IsHostName("*.bank.example", allowWildcard: true));
        Assert.False(EdgeSyntax.IsHostName("shop.*.example", allowWildcard: true));
    }

    [Theory]
    [InlineData("http", true)]
    [InlineData("web-secure", true)]
    [InlineData("8080", false)]
    [InlineData("-http", false)]
    [InlineData("http--alt", false)]
    [InlineData("a-very-long-port-name", false)]
    public void Port_names_follow_the_iana_service_name_rules(string value, bool valid)
    {
        Assert.Equal(valid, EdgeSyntax.IsPortName(value));
    }

    [Theory]
    [InlineData("250m", true)]
    [InlineData("1.5", true)]
    [InlineData("512Mi", true)]
    [InlineData("1e3", true)]
    [InlineData("1 Gi", false)]
    [InlineData("lots", false)]
    public void Resource_quantities_follow_the_kubernetes_syntax(string value, bool valid)
    {
        Assert.Equal(valid, EdgeSyntax.IsQuantity(value));
    }
}
