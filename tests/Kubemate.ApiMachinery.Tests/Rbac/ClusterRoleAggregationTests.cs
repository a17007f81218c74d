using Kubemate.ApiMachinery.Rbac;

namespace Kubemate.ApiMachinery.Tests.Rbac;

public class ClusterRoleAggregationTests
{
    // The shape of the built-in roles: admin aggregates edit, which aggregates view; a CRD's roles opt in by label.
    private const string BuiltInStyleRoles = """
        kind: ClusterRole
        metadata: {name: admin}
        aggregationRule:
          clusterRoleSelectors: [{matchLabels: {rbac.authorization.k8s.io/aggregate-to-admin: "true"}}]
        rules: [{verbs: [stale], apiGroups: [""], resources: [ignored]}]
        ---
        kind: ClusterRole
        metadata:
          name: edit
          labels: {rbac.authorization.k8s.io/aggregate-to-admin: "true"}
        aggregationRule:
          clusterRoleSelectors: [{matchLabels: {rbac.authorization.k8s.io/aggregate-to-edit: "true"}}]
        ---
        kind: ClusterRole
        metadata:
          name: view
          labels: {rbac.authorization.k8s.io/aggregate-to-edit: "true"}
        aggregationRule:
          clusterRoleSelectors: [{matchLabels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}}]
        ---
        kind: ClusterRole
        metadata:
          name: linkerd-policy-view
          labels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}
        rules: [{verbs: [get, list, watch], apiGroups: [policy.linkerd.io], resources: [servers, authorizationpolicies]}]
        ---
        kind: ClusterRole
        metadata:
          name: linkerd-policy-edit
          labels: {rbac.authorization.k8s.io/aggregate-to-edit: "true"}
        rules: [{verbs: [create, update, patch, delete], apiGroups: [policy.linkerd.io], resources: [servers, authorizationpolicies]}]
        ---
        kind: ClusterRole
        metadata:
          name: core-edit
          labels: {rbac.authorization.k8s.io/aggregate-to-edit: "true"}
        rules: [{verbs: [get, list, watch], apiGroups: [policy.linkerd.io], resources: [servers, authorizationpolicies]}]
        """;

    [Fact]
    public void Aggregated_roles_collect_rules_through_chains_without_duplicates()
    {
        var rules = ClusterRoleAggregation.Compute(RbacYaml.Objects(BuiltInStyleRoles));

        Assert.Equal(["admin", "edit", "view"], rules.Keys.Order());
        Assert.Single(rules["view"]);
        Assert.Equal(2, rules["edit"].Count);
        Assert.Equal(rules["edit"], rules["admin"]);
        Assert.DoesNotContain(rules["admin"], r => r.Verbs.Contains("stale"));
    }

    [Fact]
    public void Edit_rules_follow_role_name_order_as_the_controller_writes_them()
    {
        var rules = ClusterRoleAggregation.Compute(RbacYaml.Objects(BuiltInStyleRoles));

        // core-edit < linkerd-policy-edit < view by name; core-edit's rule equals view's, so it is listed once, first.
        Assert.Equal(["get", "list", "watch"], rules["edit"][0].Verbs);
        Assert.Equal(["create", "update", "patch", "delete"], rules["edit"][1].Verbs);
    }

    [Fact]
    public void Binding_to_an_aggregated_role_grants_the_aggregated_rules()
    {
        var authorizer = new RbacAuthorizer(RbacYaml.Objects(BuiltInStyleRoles + """

            ---
            kind: RoleBinding
            metadata: {name: team-admin, namespace: orders}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}
            subjects: [{kind: Group, name: order-team}]
            """));
        var member = RbacYaml.User("paul", "order-team");

        var decision = authorizer.Authorize(member, RequestAttributes.ForResource("delete", "policy.linkerd.io", "servers", "orders", "web"));

        Assert.True(decision.Allowed);
        Assert.Equal("RBAC: allowed by RoleBinding \"team-admin/orders\" of ClusterRole \"admin\" to Group \"order-team\"", decision.Reason);
        Assert.False(authorizer.Authorize(member, RequestAttributes.ForResource("stale", "", "ignored", "orders")).Allowed);
    }

    [Fact]
    public void New_labelled_role_extends_the_aggregate_on_the_next_snapshot()
    {
        var objects = RbacYaml.Objects(BuiltInStyleRoles);
        Assert.Null(new RbacAuthorizer(objects).ClusterRoleRules("view")!.FirstOrDefault(r => r.Resources.Contains("trafficsplits")));

        objects.AddRange(RbacYaml.Objects("""
            kind: ClusterRole
            metadata:
              name: smi-view
              labels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}
            rules: [{verbs: [get], apiGroups: [split.smi-spec.io], resources: [trafficsplits]}]
            """));

        Assert.Contains(new RbacAuthorizer(objects).ClusterRoleRules("admin")!, r => r.Resources.Contains("trafficsplits"));
    }

    [Fact]
    public void Roles_aggregating_each_other_settle_on_the_union()
    {
        var rules = ClusterRoleAggregation.Compute(RbacYaml.Objects("""
            kind: ClusterRole
            metadata: {name: a, labels: {group: x}}
            aggregationRule: {clusterRoleSelectors: [{matchLabels: {group: x}}]}
            ---
            kind: ClusterRole
            metadata: {name: b, labels: {group: x}}
            aggregationRule: {clusterRoleSelectors: [{matchLabels: {group: x}}]}
            ---
            kind: ClusterRole
            metadata: {name: c, labels: {group: x}}
            rules: [{verbs: [get], apiGroups: [""], resources: [pods]}]
            """));

        Assert.Single(rules["a"]);
        Assert.Single(rules["b"]);
    }

    [Fact]
    public void Selector_with_expressions_picks_roles_by_label()
    {
        var rules = ClusterRoleAggregation.Compute(RbacYaml.Objects("""
            kind: ClusterRole
            metadata: {name: mesh-all}
            aggregationRule:
              clusterRoleSelectors: [{matchExpressions: [{key: mesh, operator: In, values: [linkerd, istio]}]}]
            ---
            kind: ClusterRole
            metadata: {name: l, labels: {mesh: linkerd}}
            rules: [{verbs: [get], apiGroups: [policy.linkerd.io], resources: ["*"]}]
            ---
            kind: ClusterRole
            metadata: {name: t, labels: {mesh: traefik}}
            rules: [{verbs: [get], apiGroups: [traefik.io], resources: ["*"]}]
            """));

        Assert.Equal(["policy.linkerd.io"], Assert.Single(rules["mesh-all"]).ApiGroups);
    }

    [Fact]
    public void Bad_aggregation_selector_names_the_role_and_field()
    {
        var error = Assert.Throws<RbacPolicyException>(() => ClusterRoleAggregation.Compute(RbacYaml.Objects("""
            kind: ClusterRole
            metadata: {name: broken}
            aggregationRule:
              clusterRoleSelectors: [{matchExpressions: [{key: a, operator: Near}]}]
            """)));

        Assert.StartsWith("ClusterRole \"broken\": aggregationRule.clusterRoleSelectors[0].matchExpressions[0].operator: Unsupported value: \"Near\"", error.Message);
    }
}
