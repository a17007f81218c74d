using Kubemate.ApiMachinery.Rbac;

namespace Kubemate.ApiMachinery.Tests.Rbac;

/// <summary>What <c>kubectl auth can-i --list</c> shows (a SelfSubjectRulesReview).</summary>
public class RulesReviewTests
{
    private static readonly RbacAuthorizer Authorizer = RbacYaml.Authorizer("""
        kind: ClusterRole
        metadata: {name: basic}
        rules:
        - {verbs: [create], apiGroups: [authorization.k8s.io], resources: [selfsubjectaccessreviews, selfsubjectrulesreviews]}
        - {verbs: [get], nonResourceURLs: ["/api", "/api/*"]}
        ---
        kind: ClusterRoleBinding
        metadata: {name: basic}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: basic}
        subjects: [{kind: Group, name: "system:authenticated"}]
        ---
        kind: Role
        metadata: {name: deployer, namespace: orders}
        rules:
        - {verbs: [get, update], apiGroups: [apps], resources: [deployments], resourceNames: [web]}
        ---
        kind: RoleBinding
        metadata: {name: deployer, namespace: orders}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployer}
        subjects: [{kind: User, name: olivia}]
        ---
        kind: RoleBinding
        metadata: {name: dangling, namespace: orders}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: gone}
        subjects: [{kind: User, name: olivia}]
        """);

    [Fact]
    public void Rules_for_a_namespace_include_cluster_wide_and_namespace_grants()
    {
        var rules = Authorizer.RulesFor(RbacYaml.User("olivia"), "orders");

        Assert.Equal(
            [
                new ResourceRule(["create"], ["authorization.k8s.io"], ["selfsubjectaccessreviews", "selfsubjectrulesreviews"], []),
                new ResourceRule(["get", "update"], ["apps"], ["deployments"], ["web"]),
            ],
            rules);
    }

    [Fact]
    public void Rules_for_another_namespace_leave_out_its_role_bindings()
    {
        Assert.Single(Authorizer.RulesFor(RbacYaml.User("olivia"), "payments"));
    }

    [Fact]
    public void Review_reports_non_resource_rules_and_unresolvable_bindings()
    {
        var review = Authorizer.RulesReview(RbacYaml.User("olivia"), "orders");

        Assert.Equal([new NonResourceRule(["get"], ["/api", "/api/*"])], review.NonResourceRules);
        Assert.True(review.Incomplete);
        Assert.Equal(["role.rbac.authorization.k8s.io \"gone\" not found"], review.EvaluationErrors);
    }

    [Fact]
    public void Review_status_json_is_what_the_apiserver_returns()
    {
        var status = Authorizer.RulesReview(RbacYaml.User("olivia"), "orders").ToStatusJson();

        Assert.Equal(
            """{"verbs":["get","update"],"apiGroups":["apps"],"resources":["deployments"],"resourceNames":["web"]}""",
            status["resourceRules"]![1]!.ToJsonString());
        Assert.Equal("""{"verbs":["get"],"nonResourceURLs":["/api","/api/*"]}""", status["nonResourceRules"]![0]!.ToJsonString());
        Assert.True(status["incomplete"]!.GetValue<bool>());
        Assert.Equal("role.rbac.authorization.k8s.io \"gone\" not found", status["evaluationError"]!.GetValue<string>());
    }

    [Fact]
    public void Masters_are_shown_everything()
    {
        var review = Authorizer.RulesReview(RbacYaml.User("root", UserInfo.MastersGroup), "orders");

        Assert.Equal(new ResourceRule(["*"], ["*"], ["*"], []), review.ResourceRules[0]);
        Assert.Equal(new NonResourceRule(["*"], ["*"]), review.NonResourceRules[0]);
        Assert.False(review.Incomplete);
    }
}
