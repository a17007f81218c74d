using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Kubemate.Sandbox.Tests;

/// <summary>RBAC on every request, access reviews, and impersonation only for subjects allowed to impersonate.</summary>
public sealed class AuthorizationTests(SandboxServerFixture fixture) : IClassFixture<SandboxServerFixture>
{
    [Fact]
    public async Task A_user_without_bindings_is_forbidden_with_the_rbac_message()
    {
        using var olivia = fixture.Client("olivia");
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => olivia.CoreV1.ListNamespacedSecretAsync("default"));
        Assert.Equal(HttpStatusCode.Forbidden, error.Response.StatusCode);
        Assert.Contains("secrets is forbidden: User \\u0022olivia\\u0022 cannot list resource \\u0022secrets\\u0022 in API group \\u0022\\u0022 in the namespace \\u0022default\\u0022".Replace("\\u0022", "\""), error.Response.Content.Replace("\\u0022", "\"").Replace("\\\"", "\""));
    }

    [Fact]
    public async Task A_role_binding_grants_exactly_its_namespace_and_access_reviews_agree()
    {
        using var admin = fixture.Client();
        var ns = "rbac-" + Guid.NewGuid().ToString("n")[..8];
        await admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        await admin.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(new V1RoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "team-orders-edit" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "edit" },
            Subjects = [new Rbacv1Subject { Kind = "Group", Name = "team-orders", ApiGroup = "rbac.authorization.k8s.io" }],
        }, ns);

        using var olivia = fixture.Client("olivia");
        await olivia.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "allowed" } }, ns);
        var review = await olivia.AuthorizationV1.CreateSelfSubjectAccessReviewAsync(new V1SelfSubjectAccessReview
        {
            Spec = new V1SelfSubjectAccessReviewSpec { ResourceAttributes = new V1ResourceAttributes { Verb = "create", Resource = "deployments", Group = "apps", NamespaceProperty = ns } },
        });
        Assert.True(review.Status.Allowed);
        var elsewhere = await olivia.AuthorizationV1.CreateSelfSubjectAccessReviewAsync(new V1SelfSubjectAccessReview
        {
            Spec = new V1SelfSubjectAccessReviewSpec { ResourceAttributes = new V1ResourceAttributes { Verb = "create", Resource = "deployments", Group = "apps", NamespaceProperty = "default" } },
        });
        Assert.False(elsewhere.Status.Allowed);
        var whoami = await olivia.AuthenticationV1.CreateSelfSubjectReviewAsync(new V1SelfSubjectReview());
        Assert.Equal("olivia", whoami.Status.UserInfo.Username);
        Assert.Contains("team-orders", whoami.Status.UserInfo.Groups);
    }

    [Fact]
    public async Task Impersonation_needs_the_impersonate_verb_and_then_acts_as_the_impersonated_user()
    {
        using var http = fixture.Http("impersonator");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces/default/configmaps");
        request.Headers.Add("Impersonate-User", "admin");
        request.Headers.Add("Impersonate-Group", "system:masters");
        var denied = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("cannot impersonate resource", await denied.Content.ReadAsStringAsync());

        using var admin = fixture.Client();
        await admin.RbacAuthorizationV1.CreateClusterRoleAsync(new V1ClusterRole
        {
            Metadata = new V1ObjectMeta { Name = "impersonate-all" },
            Rules = [new V1PolicyRule { ApiGroups = [""], Resources = ["users", "groups"], Verbs = ["impersonate"] }],
        });
        await admin.RbacAuthorizationV1.CreateClusterRoleBindingAsync(new V1ClusterRoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "impersonators" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "impersonate-all" },
            Subjects = [new Rbacv1Subject { Kind = "Group", Name = "impersonators", ApiGroup = "rbac.authorization.k8s.io" }],
        });
        using var again = new HttpRequestMessage(HttpMethod.Get, "/apis/authentication.k8s.io/v1/selfsubjectreviews");
        using var whoami = new HttpRequestMessage(HttpMethod.Post, "/apis/authentication.k8s.io/v1/selfsubjectreviews")
        {
            Content = new StringContent("""{"apiVersion":"authentication.k8s.io/v1","kind":"SelfSubjectReview"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        whoami.Headers.Add("Impersonate-User", "olivia");
        whoami.Headers.Add("Impersonate-Group", "team-orders");
        var response = await http.SendAsync(whoami);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"username\":\"olivia\"", body);
    }
}
