using Kubemate.ApiMachinery.Rbac;

namespace Kubemate.ApiMachinery.Tests.Rbac;

/// <summary>
/// The questions <c>kubectl auth can-i</c> asks (one SelfSubjectAccessReview each), for the roles a bank's
/// platform team hands out: a namespace owner, a read-only auditor group and an impersonating console.
/// </summary>
public class KubectlCanIScenarioTests
{
    private static readonly RbacAuthorizer Authorizer = RbacYaml.Authorizer("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: namespace-owner}
        rules:
        - {verbs: ["*"], apiGroups: ["", apps, batch, networking.k8s.io], resources: ["*"]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: owner, namespace: orders}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: namespace-owner}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: olivia}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: auditor}
        rules:
        - {verbs: [get, list, watch], apiGroups: ["*"], resources: ["*"]}
        - {verbs: [get], nonResourceURLs: ["*"]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: auditors}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: auditor}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: auditors}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: console-impersonator}
        rules:
        - {verbs: [impersonate], apiGroups: [""], resources: [users, groups]}
        - {verbs: [impersonate], apiGroups: [""], resources: [serviceaccounts], resourceNames: [deployer]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: kubemate-console}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: console-impersonator}
        subjects: [{kind: ServiceAccount, name: kubemate, namespace: kubemate-system}]
        """);

    private static readonly UserInfo Olivia = RbacYaml.User("olivia");
    private static readonly UserInfo Aaron = RbacYaml.User("aaron", "auditors");
    private static readonly UserInfo Console = RbacYaml.User("system:serviceaccount:kubemate-system:kubemate");

    // kubectl auth can-i create deployments -n orders --as olivia
    [Fact]
    public void Namespace_owner_can_create_deployments_in_their_namespace()
    {
        var decision = Authorizer.Authorize(Olivia, RequestAttributes.ForResource("create", "apps", "deployments", "orders"));

        Assert.True(decision.Allowed);
        Assert.Equal("RBAC: allowed by RoleBinding \"owner/orders\" of ClusterRole \"namespace-owner\" to User \"olivia\"", decision.Reason);
    }

    // kubectl auth can-i create deployments -n payments --as olivia
    [Fact]
    public void Namespace_owner_cannot_create_deployments_in_another_namespace()
    {
        var decision = Authorizer.Authorize(Olivia, RequestAttributes.ForResource("create", "apps", "deployments", "payments"));

        Assert.False(decision.Allowed);
        Assert.Equal(
            "deployments.apps is forbidden: User \"olivia\" cannot create resource \"deployments\" in API group \"apps\" in the namespace \"payments\"",
            decision.Reason);
    }

    // kubectl auth can-i create pods/exec -n orders --as olivia
    [Fact]
    public void Namespace_owner_can_exec_into_pods_of_their_namespace()
    {
        Assert.True(Authorizer.Authorize(Olivia, RequestAttributes.ForResource("create", "", "pods", "orders", "web-1", subresource: "exec")).Allowed);
    }

    // kubectl auth can-i list namespaces --as olivia
    [Fact]
    public void Namespace_owner_cannot_list_namespaces_cluster_wide()
    {
        var decision = Authorizer.Authorize(Olivia, RequestAttributes.ForResource("list", "", "namespaces"));

        Assert.False(decision.Allowed);
        Assert.Equal("namespaces is forbidden: User \"olivia\" cannot list resource \"namespaces\" in API group \"\" at the cluster scope", decision.Reason);
    }

    // kubectl auth can-i get,list,watch '*' --as aaron --as-group auditors -A
    [Theory]
    [InlineData("get", "", "secrets", "payments")]
    [InlineData("list", "apps", "deployments", null)]
    [InlineData("watch", "policy.linkerd.io", "servers", "orders")]
    [InlineData("get", "", "nodes", null)]
    public void Auditor_can_read_everything(string verb, string group, string resource, string? ns)
    {
        Assert.True(Authorizer.Authorize(Aaron, RequestAttributes.ForResource(verb, group, resource, ns)).Allowed);
    }

    // kubectl auth can-i create pods -n orders --as aaron --as-group auditors
    [Theory]
    [InlineData("create", "", "pods", "orders")]
    [InlineData("delete", "apps", "deployments", "payments")]
    [InlineData("patch", "", "configmaps", "orders")]
    [InlineData("deletecollection", "", "pods", "orders")]
    public void Auditor_cannot_change_anything(string verb, string group, string resource, string ns)
    {
        Assert.False(Authorizer.Authorize(Aaron, RequestAttributes.ForResource(verb, group, resource, ns)).Allowed);
    }

    // kubectl auth can-i get /metrics --as aaron --as-group auditors
    [Fact]
    public void Auditor_can_read_non_resource_urls_but_not_post_to_them()
    {
        Assert.True(Authorizer.Authorize(Aaron, RequestAttributes.ForPath("get", "/metrics")).Allowed);
        Assert.False(Authorizer.Authorize(Aaron, RequestAttributes.ForPath("post", "/metrics")).Allowed);
    }

    // kubectl auth can-i get secrets -n payments --as aaron (without the auditors group)
    [Fact]
    public void Auditor_rights_come_from_the_group_not_the_name()
    {
        var decision = Authorizer.Authorize(RbacYaml.User("aaron"), RequestAttributes.ForResource("get", "", "secrets", "payments", "db"));

        Assert.False(decision.Allowed);
        Assert.Equal("secrets \"db\" is forbidden: User \"aaron\" cannot get resource \"secrets\" in API group \"\" in the namespace \"payments\"", decision.Reason);
    }

    // kubectl auth can-i impersonate users/olivia --as system:serviceaccount:kubemate-system:kubemate
    [Fact]
    public void Console_may_impersonate_users_and_groups()
    {
        var users = Authorizer.Authorize(Console, RequestAttributes.ForResource("impersonate", "", "users", null, "olivia"));
        var groups = Authorizer.Authorize(Console, RequestAttributes.ForResource("impersonate", "", "groups", null, "auditors"));

        Assert.True(users.Allowed);
        Assert.Equal(
            "RBAC: allowed by ClusterRoleBinding \"kubemate-console\" of ClusterRole \"console-impersonator\" to ServiceAccount \"kubemate/kubemate-system\"",
            users.Reason);
        Assert.True(groups.Allowed);
    }

    // kubectl auth can-i impersonate serviceaccounts/<name> -n <ns> --as system:serviceaccount:kubemate-system:kubemate
    [Fact]
    public void Console_may_impersonate_only_the_named_service_account()
    {
        Assert.True(Authorizer.Authorize(Console, RequestAttributes.ForResource("impersonate", "", "serviceaccounts", "orders", "deployer")).Allowed);

        var decision = Authorizer.Authorize(Console, RequestAttributes.ForResource("impersonate", "", "serviceaccounts", "orders", "admin"));
        Assert.False(decision.Allowed);
        Assert.Equal(
            "serviceaccounts \"admin\" is forbidden: User \"system:serviceaccount:kubemate-system:kubemate\" cannot impersonate resource \"serviceaccounts\" in API group \"\" in the namespace \"orders\"",
            decision.Reason);
    }

    // kubectl auth can-i impersonate users --as olivia
    [Fact]
    public void Namespace_owner_cannot_impersonate()
    {
        var decision = Authorizer.Authorize(Olivia, RequestAttributes.ForResource("impersonate", "", "users", null, "kubernetes-admin"));

        Assert.False(decision.Allowed);
        Assert.Equal(
            "users \"kubernetes-admin\" is forbidden: User \"olivia\" cannot impersonate resource \"users\" in API group \"\" at the cluster scope",
            decision.Reason);
    }
}
