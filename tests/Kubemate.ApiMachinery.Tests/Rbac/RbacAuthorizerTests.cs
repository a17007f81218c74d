using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Rbac;

namespace Kubemate.ApiMachinery.Tests.Rbac;

public class RbacAuthorizerTests
{
    private const string PodReader = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: pod-reader}
        rules:
        - {verbs: [get, list, watch], apiGroups: [""], resources: [pods]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: config-editor, namespace: orders}
        rules:
        - {verbs: [update], apiGroups: [""], resources: [configmaps]}
        """;

    [Fact]
    public void Cluster_role_binding_grants_in_every_namespace_and_names_itself()
    {
        var authorizer = RbacYaml.Authorizer(PodReader + """

            ---
            kind: ClusterRoleBinding
            metadata: {name: read-pods}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-reader}
            subjects: [{kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}]
            """);

        var decision = authorizer.Authorize(RbacYaml.User("alice"), RequestAttributes.ForResource("list", "", "pods", "payments"));

        Assert.True(decision.Allowed);
        Assert.Equal("RBAC: allowed by ClusterRoleBinding \"read-pods\" of ClusterRole \"pod-reader\" to User \"alice\"", decision.Reason);
        Assert.True(authorizer.Authorize(RbacYaml.User("alice"), RequestAttributes.ForResource("list", "", "pods")).Allowed);
    }

    [Fact]
    public void Role_binding_to_a_cluster_role_grants_only_in_its_namespace()
    {
        var authorizer = RbacYaml.Authorizer(PodReader + """

            ---
            kind: RoleBinding
            metadata: {name: read-pods, namespace: orders}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-reader}
            subjects: [{kind: Group, name: order-team}]
            """);
        var bob = RbacYaml.User("bob", "order-team");

        var inOrders = authorizer.Authorize(bob, RequestAttributes.ForResource("get", "", "pods", "orders", "web-1"));
        var inPayments = authorizer.Authorize(bob, RequestAttributes.ForResource("get", "", "pods", "payments", "web-1"));
        var clusterWide = authorizer.Authorize(bob, RequestAttributes.ForResource("list", "", "pods"));

        Assert.True(inOrders.Allowed);
        Assert.Equal("RBAC: allowed by RoleBinding \"read-pods/orders\" of ClusterRole \"pod-reader\" to Group \"order-team\"", inOrders.Reason);
        Assert.False(inPayments.Allowed);
        Assert.Equal("pods \"web-1\" is forbidden: User \"bob\" cannot get resource \"pods\" in API group \"\" in the namespace \"payments\"", inPayments.Reason);
        Assert.False(clusterWide.Allowed);
        Assert.Equal("pods is forbidden: User \"bob\" cannot list resource \"pods\" in API group \"\" at the cluster scope", clusterWide.Reason);
    }

    [Fact]
    public void Role_binding_to_a_role_uses_the_role_of_its_own_namespace()
    {
        // The same-named Role of another namespace comes first, so a lookup ignoring namespaces would pick it.
        var authorizer = RbacYaml.Authorizer("""
            kind: Role
            metadata: {name: config-editor, namespace: payments}
            rules: [{verbs: ["*"], apiGroups: ["*"], resources: ["*"]}]
            ---
            """ + "\n" + PodReader + """

            ---
            kind: RoleBinding
            metadata: {name: edit-config, namespace: orders}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: config-editor}
            subjects: [{kind: User, name: carol}]
            """);
        var carol = RbacYaml.User("carol");

        Assert.True(authorizer.Authorize(carol, RequestAttributes.ForResource("update", "", "configmaps", "orders", "app")).Allowed);
        Assert.False(authorizer.Authorize(carol, RequestAttributes.ForResource("delete", "", "configmaps", "orders", "app")).Allowed);
        Assert.False(authorizer.Authorize(carol, RequestAttributes.ForResource("update", "", "configmaps", "payments", "app")).Allowed);
    }

    [Fact]
    public void Service_account_subject_defaults_to_the_binding_namespace()
    {
        var authorizer = RbacYaml.Authorizer(PodReader + """

            ---
            kind: RoleBinding
            metadata: {name: ci-reads-pods, namespace: orders}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-reader}
            subjects: [{kind: ServiceAccount, name: ci}]
            """);

        var ci = RbacYaml.User(ServiceAccountUser.UserName("orders", "ci"));
        var otherCi = RbacYaml.User(ServiceAccountUser.UserName("payments", "ci"));

        var decision = authorizer.Authorize(ci, RequestAttributes.ForResource("list", "", "pods", "orders"));
        Assert.True(decision.Allowed);
        Assert.Equal("RBAC: allowed by RoleBinding \"ci-reads-pods/orders\" of ClusterRole \"pod-reader\" to ServiceAccount \"ci/orders\"", decision.Reason);
        Assert.False(authorizer.Authorize(otherCi, RequestAttributes.ForResource("list", "", "pods", "orders")).Allowed);
    }

    [Fact]
    public void Service_account_groups_can_be_bound()
    {
        var authorizer = RbacYaml.Authorizer(PodReader + """

            ---
            kind: ClusterRoleBinding
            metadata: {name: all-sa-in-orders}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-reader}
            subjects: [{kind: Group, name: "system:serviceaccounts:orders"}]
            """);

        var ordersSa = UserInfo.Authenticated("system:serviceaccount:orders:default");
        var paymentsSa = UserInfo.Authenticated("system:serviceaccount:payments:default");

        Assert.Equal(["system:serviceaccounts", "system:serviceaccounts:orders", "system:authenticated"], ordersSa.Groups);
        Assert.True(authorizer.Authorize(ordersSa, RequestAttributes.ForResource("list", "", "pods", "x")).Allowed);
        Assert.False(authorizer.Authorize(paymentsSa, RequestAttributes.ForResource("list", "", "pods", "x")).Allowed);
    }

    [Fact]
    public void Cluster_role_binding_service_account_needs_its_namespace()
    {
        var authorizer = RbacYaml.Authorizer(PodReader + """

            ---
            kind: ClusterRoleBinding
            metadata: {name: sa}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-reader}
            subjects: [{kind: ServiceAccount, name: ci, namespace: tools}]
            """);

        var decision = authorizer.Authorize(RbacYaml.User("system:serviceaccount:tools:ci"), RequestAttributes.ForResource("get", "", "pods", "x", "p"));

        Assert.Equal("RBAC: allowed by ClusterRoleBinding \"sa\" of ClusterRole \"pod-reader\" to ServiceAccount \"ci/tools\"", decision.Reason);
    }

    [Fact]
    public void Authenticated_group_binding_covers_every_signed_in_user()
    {
        var authorizer = RbacYaml.Authorizer("""
            kind: ClusterRole
            metadata: {name: discovery}
            rules: [{verbs: [get], nonResourceURLs: ["/api", "/api/*", "/apis", "/apis/*", "/version"]}]
            ---
            kind: ClusterRoleBinding
            metadata: {name: discovery}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: discovery}
            subjects: [{kind: Group, name: "system:authenticated"}]
            """);

        Assert.True(authorizer.Authorize(RbacYaml.User("dave"), RequestAttributes.ForPath("get", "/apis/apps/v1")).Allowed);
        var denied = authorizer.Authorize(RbacYaml.User("dave"), RequestAttributes.ForPath("get", "/metrics"));
        Assert.False(denied.Allowed);
        Assert.Equal("forbidden: User \"dave\" cannot get path \"/metrics\"", denied.Reason);
    }

    [Fact]
    public void Masters_may_do_anything_without_any_binding()
    {
        var authorizer = new RbacAuthorizer([]);
        var admin = RbacYaml.User("kubernetes-admin", UserInfo.MastersGroup);

        Assert.True(authorizer.Authorize(admin, RequestAttributes.ForResource("delete", "", "namespaces", null, "kube-system")).Allowed);
        Assert.True(authorizer.Authorize(admin, RequestAttributes.ForPath("post", "/anything")).Allowed);
    }

    [Fact]
    public void No_bindings_means_denied()
    {
        var decision = new RbacAuthorizer([]).Authorize(RbacYaml.User("eve"), RequestAttributes.ForResource("list", "", "secrets", "payments"));

        Assert.False(decision.Allowed);
        Assert.Empty(decision.EvaluationErrors);
    }

    [Fact]
    public void Binding_to_a_missing_role_is_reported_with_the_denial()
    {
        var authorizer = RbacYaml.Authorizer("""
            kind: RoleBinding
            metadata: {name: viewers, namespace: orders}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
            subjects: [{kind: User, name: frank}]
            """);

        var decision = authorizer.Authorize(RbacYaml.User("frank"), RequestAttributes.ForResource("list", "", "pods", "orders"));

        Assert.False(decision.Allowed);
        Assert.Equal(["clusterrole.rbac.authorization.k8s.io \"view\" not found"], decision.EvaluationErrors);
        Assert.Equal(
            "pods is forbidden: User \"frank\" cannot list resource \"pods\" in API group \"\" in the namespace \"orders\": RBAC: clusterrole.rbac.authorization.k8s.io \"view\" not found",
            decision.Reason);
    }

    [Fact]
    public void Bindings_are_checked_in_name_order_whatever_the_input_order()
    {
        const string yaml = PodReader + """

            ---
            kind: ClusterRoleBinding
            metadata: {name: z-binding}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-reader}
            subjects: [{kind: User, name: alice}]
            ---
            kind: ClusterRoleBinding
            metadata: {name: a-binding}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-reader}
            subjects: [{kind: User, name: alice}]
            """;
        var objects = RbacYaml.Objects(yaml);
        objects.Reverse();

        var decision = new RbacAuthorizer(objects).Authorize(RbacYaml.User("alice"), RequestAttributes.ForResource("get", "", "pods", "x", "p"));

        Assert.Contains("ClusterRoleBinding \"a-binding\"", decision.Reason);
    }

    [Fact]
    public void Non_rbac_objects_are_refused_with_their_position()
    {
        var error = Assert.Throws<RbacPolicyException>(() => new RbacAuthorizer([new JsonObject { ["kind"] = "Pod" }]));

        Assert.StartsWith("objects[0]: kind: Unsupported value: \"Pod\"", error.Message);
    }

    [Fact]
    public void Malformed_rule_names_the_role_and_the_field()
    {
        var error = Assert.Throws<RbacPolicyException>(() => RbacYaml.Authorizer("""
            kind: ClusterRole
            metadata: {name: broken}
            rules: [{verbs: get, resources: [pods]}]
            """));

        Assert.Equal("ClusterRole \"broken\": rules[0].verbs: must be a list", error.Message);
    }

    [Fact]
    public void Binding_without_role_ref_is_refused()
    {
        var error = Assert.Throws<RbacPolicyException>(() => RbacYaml.Authorizer("""
            kind: RoleBinding
            metadata: {name: b, namespace: orders}
            subjects: [{kind: User, name: x}]
            """));

        Assert.Equal("RoleBinding \"orders/b\": roleRef: Required value", error.Message);
    }
}
