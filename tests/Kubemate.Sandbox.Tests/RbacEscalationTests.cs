using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Kubemate.Sandbox.Tests;

/// <summary>
/// RBAC's escalation prevention: olivia, admin of one namespace, may grant there what she holds, and nothing more:
/// not cluster-admin to herself (the security review's reproduction), not a Role with rules she lacks, not an
/// aggregating ClusterRole. With <c>bind</c> or <c>escalate</c> granted, the same writes pass.
/// </summary>
public sealed class RbacEscalationTests(SandboxServerFixture fixture) : IClassFixture<SandboxServerFixture>
{
    private const string Rbac = "rbac.authorization.k8s.io";

    [Fact]
    public async Task A_namespace_admin_cannot_bind_herself_to_cluster_admin_and_nothing_is_stored()
    {
        var ns = await NamespaceWhereOliviaIsAdminAsync();
        using var olivia = fixture.Client("olivia");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => olivia.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(
            Binding("x", "ClusterRole", "cluster-admin", "olivia"), ns));

        Assert.Equal(HttpStatusCode.Forbidden, error.Response.StatusCode);
        var message = Message(error);
        Assert.Contains("rolebindings.rbac.authorization.k8s.io \"x\" is forbidden: user \"olivia\"", message, StringComparison.Ordinal);
        Assert.Contains("is attempting to grant RBAC permissions not currently held", message, StringComparison.Ordinal);
        Assert.Contains("{APIGroups:[\"*\"], Resources:[\"*\"], Verbs:[\"*\"]}", message, StringComparison.Ordinal);
        using var admin = fixture.Client();
        var read = await Assert.ThrowsAsync<HttpOperationException>(() => admin.RbacAuthorizationV1.ReadNamespacedRoleBindingAsync("x", ns));
        Assert.Equal(HttpStatusCode.NotFound, read.Response.StatusCode);
        var review = await olivia.AuthorizationV1.CreateSelfSubjectAccessReviewAsync(new V1SelfSubjectAccessReview
        {
            Spec = new V1SelfSubjectAccessReviewSpec { ResourceAttributes = new V1ResourceAttributes { Verb = "list", Resource = "secrets", NamespaceProperty = "default" } },
        });
        Assert.False(review.Status.Allowed);
    }

    [Fact]
    public async Task What_she_holds_she_may_grant_in_her_namespace_and_not_elsewhere()
    {
        var ns = await NamespaceWhereOliviaIsAdminAsync();
        using var olivia = fixture.Client("olivia");

        var created = await olivia.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(Binding("colleague-edit", "ClusterRole", "edit", "bob"), ns);
        var role = await olivia.RbacAuthorizationV1.CreateNamespacedRoleAsync(Role("read-pods", new V1PolicyRule
        {
            ApiGroups = [""], Resources = ["pods"], Verbs = ["get", "list"],
        }), ns);

        Assert.Equal("edit", created.RoleRef.Name);
        Assert.Equal("read-pods", role.Metadata.Name);
        var elsewhere = await Assert.ThrowsAsync<HttpOperationException>(() => olivia.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(
            Binding("colleague-edit", "ClusterRole", "edit", "bob"), "default"));
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.Response.StatusCode);
    }

    [Theory]
    [InlineData("nodes", "", "get")]
    [InlineData("*", "", "get")]
    [InlineData("pods", "", "*")]
    [InlineData("pods", "*", "get")]
    [InlineData("roles", Rbac, "escalate")]
    public async Task A_role_with_a_rule_she_does_not_hold_is_refused_naming_the_rule(string resource, string group, string verb)
    {
        var ns = await NamespaceWhereOliviaIsAdminAsync();
        using var olivia = fixture.Client("olivia");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => olivia.RbacAuthorizationV1.CreateNamespacedRoleAsync(Role("wider", new V1PolicyRule
        {
            ApiGroups = [group], Resources = [resource], Verbs = ["list", verb],
        }), ns));

        Assert.Equal(HttpStatusCode.Forbidden, error.Response.StatusCode);
        Assert.Contains($"Resources:[\"{resource}\"], Verbs:[\"{verb}\"]}}", Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_aggregating_cluster_role_needs_escalate()
    {
        using var admin = fixture.Client();
        var user = "agg-" + Guid.NewGuid().ToString("n")[..6];
        await admin.RbacAuthorizationV1.CreateClusterRoleAsync(new V1ClusterRole
        {
            Metadata = new V1ObjectMeta { Name = user + "-writes-roles" },
            Rules = [new V1PolicyRule { ApiGroups = [Rbac], Resources = ["clusterroles"], Verbs = ["create"] }],
        });
        await admin.RbacAuthorizationV1.CreateClusterRoleBindingAsync(new V1ClusterRoleBinding
        {
            Metadata = new V1ObjectMeta { Name = user + "-writes-roles" },
            RoleRef = new V1RoleRef { ApiGroup = Rbac, Kind = "ClusterRole", Name = user + "-writes-roles" },
            Subjects = [new Rbacv1Subject { Kind = "User", Name = "olivia", ApiGroup = Rbac }],
        });
        using var olivia = fixture.Client("olivia");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => olivia.RbacAuthorizationV1.CreateClusterRoleAsync(new V1ClusterRole
        {
            Metadata = new V1ObjectMeta { Name = user + "-aggregate" },
            AggregationRule = new V1AggregationRule { ClusterRoleSelectors = [new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["x"] = "y" } }] },
        }));

        Assert.Equal(HttpStatusCode.Forbidden, error.Response.StatusCode);
        Assert.Contains("to use an aggregationRule", Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_bind_on_the_role_the_binding_passes_without_holding_its_rules()
    {
        var ns = await NamespaceWhereOliviaIsAdminAsync();
        using var admin = fixture.Client();
        await admin.RbacAuthorizationV1.CreateNamespacedRoleAsync(Role("may-bind-cluster-admin", new V1PolicyRule
        {
            ApiGroups = [Rbac], Resources = ["clusterroles"], Verbs = ["bind"], ResourceNames = ["cluster-admin"],
        }), ns);
        await admin.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(Binding("olivia-may-bind", "Role", "may-bind-cluster-admin", "olivia"), ns);
        using var olivia = fixture.Client("olivia");

        var created = await olivia.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(Binding("ops-admin", "ClusterRole", "cluster-admin", "ops"), ns);

        Assert.Equal("cluster-admin", created.RoleRef.Name);
    }

    /// <summary>The Status message as text, whichever way the JSON escaped its quotes.</summary>
    private static string Message(HttpOperationException error) =>
        error.Response.Content.Replace("\\u0022", "\"", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal);

    private async Task<string> NamespaceWhereOliviaIsAdminAsync()
    {
        using var admin = fixture.Client();
        var ns = "esc-" + Guid.NewGuid().ToString("n")[..8];
        await admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        await admin.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(Binding("team-orders-admin", "ClusterRole", "admin", "olivia"), ns);
        return ns;
    }

    private static V1RoleBinding Binding(string name, string roleKind, string role, string user) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        RoleRef = new V1RoleRef { ApiGroup = Rbac, Kind = roleKind, Name = role },
        Subjects = [new Rbacv1Subject { Kind = "User", Name = user, ApiGroup = Rbac }],
    };

    private static V1Role Role(string name, V1PolicyRule rule) => new() { Metadata = new V1ObjectMeta { Name = name }, Rules = [rule] };
}
