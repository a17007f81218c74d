using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;

namespace Kubemate.ApiMachinery.Tests.Validation;

public class RbacObjectValidatorTests
{
    private static List<string> Messages(string json) =>
        RbacObjectValidator.Validate(JsonNode.Parse(json)!.AsObject()).Select(v => v.Message).ToList();

    [Fact]
    public void Valid_role_and_binding_pass()
    {
        Assert.Empty(Messages("""
            {"kind":"Role","metadata":{"name":"deployer","namespace":"orders"},
             "rules":[{"verbs":["create"],"apiGroups":["apps"],"resources":["deployments"]}]}
            """));
        Assert.Empty(Messages("""
            {"kind":"RoleBinding","metadata":{"name":"deployer","namespace":"orders"},
             "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"deployer"},
             "subjects":[{"kind":"User","name":"olivia"},{"kind":"ServiceAccount","name":"ci"}]}
            """));
    }

    [Fact]
    public void Rule_without_verbs_groups_or_resources_says_what_is_missing()
    {
        Assert.Equal(
            [
                "rules[0].verbs: Required value: verbs must contain at least one value",
                "rules[0].apiGroups: Required value: resource rules must supply at least one api group",
                "rules[0].resources: Required value: resource rules must supply at least one resource",
            ],
            Messages("""{"kind":"ClusterRole","metadata":{"name":"x"},"rules":[{}]}"""));
    }

    [Fact]
    public void Role_cannot_grant_non_resource_urls()
    {
        var message = Assert.Single(Messages("""
            {"kind":"Role","metadata":{"name":"x","namespace":"a"},"rules":[{"verbs":["get"],"nonResourceURLs":["/metrics"]}]}
            """));

        Assert.Equal("rules[0].nonResourceURLs: Invalid value: [\"/metrics\"]: namespaced rules cannot apply to non-resource URLs", message);
    }

    [Fact]
    public void Cluster_role_binding_may_only_reference_cluster_roles_and_namespaced_service_accounts()
    {
        Assert.Equal(
            [
                "roleRef.kind: Unsupported value: \"Role\": supported values: \"ClusterRole\"",
                "subjects[0].namespace: Required value",
                "subjects[1].kind: Unsupported value: \"Robot\": supported values: \"ServiceAccount\", \"User\", \"Group\"",
            ],
            Messages("""
                {"kind":"ClusterRoleBinding","metadata":{"name":"x"},
                 "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"r"},
                 "subjects":[{"kind":"ServiceAccount","name":"ci"},{"kind":"Robot","name":"r2"}]}
                """));
    }

    [Fact]
    public void Role_ref_must_be_in_the_rbac_group()
    {
        var message = Assert.Single(Messages("""
            {"kind":"RoleBinding","metadata":{"name":"x","namespace":"a"},"roleRef":{"kind":"Role","name":"r"}}
            """));

        Assert.Equal("roleRef.apiGroup: Unsupported value: \"\": supported values: \"rbac.authorization.k8s.io\"", message);
    }

    [Fact]
    public void Aggregation_rule_needs_selectors_that_parse()
    {
        Assert.Equal(
            ["aggregationRule.clusterRoleSelectors: Required value: at least one clusterRoleSelector required if aggregationRule is non-nil"],
            Messages("""{"kind":"ClusterRole","metadata":{"name":"x"},"aggregationRule":{}}"""));

        var message = Assert.Single(Messages("""
            {"kind":"ClusterRole","metadata":{"name":"x"},"aggregationRule":{"clusterRoleSelectors":[{"matchExpressions":[{"key":"a","operator":"Near"}]}]}}
            """));
        Assert.StartsWith("aggregationRule.clusterRoleSelectors[0].matchExpressions[0].operator: Unsupported value: \"Near\"", message);
    }

    [Fact]
    public void Changing_a_bindings_role_ref_is_invalid()
    {
        var existing = JsonNode.Parse("""{"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"}}""")!.AsObject();
        var updated = JsonNode.Parse("""{"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"admin"}}""")!.AsObject();

        var violation = Assert.Single(RbacObjectValidator.ValidateBindingUpdate(updated, existing));
        Assert.EndsWith(": cannot change roleRef", violation.Message);
    }

    [Fact]
    public void Other_kinds_are_refused()
    {
        Assert.Throws<ArgumentException>(() => RbacObjectValidator.Validate(new JsonObject { ["kind"] = "Pod" }));
    }
}
