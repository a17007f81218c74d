using Kubemate.ApiMachinery.Rbac;

namespace Kubemate.ApiMachinery.Tests.Rbac;

public class RuleMatchingTests
{
    private static PolicyRule Rule(string[] verbs, string[] groups, string[] resources, string[]? names = null) =>
        new(verbs, groups, resources, names ?? [], []);

    [Fact]
    public void Exact_verb_group_and_resource_match()
    {
        var rule = Rule(["get", "list"], ["apps"], ["deployments"]);

        Assert.True(rule.Allows(RequestAttributes.ForResource("list", "apps", "deployments", "orders")));
        Assert.False(rule.Allows(RequestAttributes.ForResource("delete", "apps", "deployments", "orders")));
        Assert.False(rule.Allows(RequestAttributes.ForResource("list", "", "deployments", "orders")));
    }

    [Fact]
    public void Star_matches_any_verb_group_and_resource_including_subresources()
    {
        var rule = Rule(["*"], ["*"], ["*"]);

        Assert.True(rule.Allows(RequestAttributes.ForResource("create", "", "pods", "x", "p", subresource: "exec")));
    }

    [Fact]
    public void Resource_rule_must_name_the_subresource_to_grant_it()
    {
        var podsOnly = Rule(["get"], [""], ["pods"]);
        var logs = Rule(["get"], [""], ["pods/log"]);
        var request = RequestAttributes.ForResource("get", "", "pods", "x", "p", subresource: "log");

        Assert.False(podsOnly.Allows(request));
        Assert.True(logs.Allows(request));
        Assert.False(logs.Allows(RequestAttributes.ForResource("get", "", "pods", "x", "p")));
    }

    [Fact]
    public void Star_slash_subresource_grants_that_subresource_of_every_resource()
    {
        var rule = Rule(["update"], ["*"], ["*/scale"]);

        Assert.True(rule.Allows(RequestAttributes.ForResource("update", "apps", "deployments", "x", "web", subresource: "scale")));
        Assert.False(rule.Allows(RequestAttributes.ForResource("update", "apps", "deployments", "x", "web", subresource: "status")));
        Assert.False(rule.Allows(RequestAttributes.ForResource("update", "apps", "deployments", "x", "web")));
    }

    [Fact]
    public void Resource_names_restrict_to_those_objects()
    {
        var rule = Rule(["get"], [""], ["secrets"], ["db-credentials"]);

        Assert.True(rule.Allows(RequestAttributes.ForResource("get", "", "secrets", "payments", "db-credentials")));
        Assert.False(rule.Allows(RequestAttributes.ForResource("get", "", "secrets", "payments", "tls")));
        Assert.False(rule.Allows(RequestAttributes.ForResource("list", "", "secrets", "payments")));
    }

    [Fact]
    public void Non_resource_urls_match_exactly_or_by_star_suffix()
    {
        var rule = new PolicyRule(["get"], [], [], [], ["/healthz", "/apis/*"]);

        Assert.True(rule.Allows(RequestAttributes.ForPath("get", "/healthz")));
        Assert.True(rule.Allows(RequestAttributes.ForPath("get", "/apis/apps/v1")));
        Assert.False(rule.Allows(RequestAttributes.ForPath("get", "/apis")));
        Assert.False(rule.Allows(RequestAttributes.ForPath("post", "/healthz")));
        Assert.False(rule.Allows(RequestAttributes.ForPath("get", "/metrics")));
    }

    [Fact]
    public void Non_resource_rule_never_grants_resources_and_vice_versa()
    {
        var urls = new PolicyRule(["*"], [], [], [], ["*"]);
        var resources = Rule(["*"], ["*"], ["*"]);

        Assert.False(urls.Allows(RequestAttributes.ForResource("get", "", "pods", "x")));
        Assert.False(resources.Allows(RequestAttributes.ForPath("get", "/metrics")));
    }

    [Fact]
    public void Rule_round_trips_through_json_leaving_out_empty_lists()
    {
        var rule = PolicyRule.FromJson(System.Text.Json.Nodes.JsonNode.Parse("""{"verbs":["get"],"apiGroups":[""],"resources":["pods"]}"""));

        Assert.Equal("""{"verbs":["get"],"apiGroups":[""],"resources":["pods"]}""", rule.ToJson().ToJsonString());
        Assert.Equal(rule, PolicyRule.FromJson(rule.ToJson()));
    }
}
