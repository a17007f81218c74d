using Kubemate.ApiMachinery.Rbac;

namespace Kubemate.ApiMachinery.Tests.Rbac;

public class ForbiddenMessageTests
{
    private static readonly UserInfo Alice = new("alice", [UserInfo.AuthenticatedGroup]);

    [Fact]
    public void Namespaced_list_of_core_resource()
    {
        Assert.Equal(
            "pods is forbidden: User \"alice\" cannot list resource \"pods\" in API group \"\" in the namespace \"payments\"",
            RbacAuthorizer.Forbidden(Alice, RequestAttributes.ForResource("list", "", "pods", "payments")));
    }

    [Fact]
    public void Cluster_scope_variant()
    {
        Assert.Equal(
            "nodes is forbidden: User \"alice\" cannot list resource \"nodes\" in API group \"\" at the cluster scope",
            RbacAuthorizer.Forbidden(Alice, RequestAttributes.ForResource("list", null, "nodes")));
    }

    [Fact]
    public void Subresource_is_joined_to_the_resource_in_the_detail_only()
    {
        Assert.Equal(
            "pods \"web-1\" is forbidden: User \"alice\" cannot create resource \"pods/exec\" in API group \"\" in the namespace \"orders\"",
            RbacAuthorizer.Forbidden(Alice, RequestAttributes.ForResource("create", "", "pods", "orders", "web-1", subresource: "exec")));
    }

    [Fact]
    public void Named_object_is_quoted_after_the_resource()
    {
        Assert.Equal(
            "secrets \"x\" is forbidden: User \"alice\" cannot get resource \"secrets\" in API group \"\" in the namespace \"x\"",
            RbacAuthorizer.Forbidden(Alice, RequestAttributes.ForResource("get", "", "secrets", "x", "x")));
    }

    [Fact]
    public void Grouped_resource_is_qualified_by_its_group()
    {
        Assert.Equal(
            "httproutes.gateway.networking.k8s.io is forbidden: User \"alice\" cannot create resource \"httproutes\" in API group \"gateway.networking.k8s.io\" in the namespace \"orders\"",
            RbacAuthorizer.Forbidden(Alice, RequestAttributes.ForResource("create", "gateway.networking.k8s.io", "httproutes", "orders")));
    }

    [Fact]
    public void Non_resource_path()
    {
        Assert.Equal("forbidden: User \"alice\" cannot get path \"/logs\"", RbacAuthorizer.Forbidden(Alice, RequestAttributes.ForPath("get", "/logs")));
    }

    [Fact]
    public void Reason_is_appended_and_html_in_user_input_is_escaped()
    {
        var user = new UserInfo("<script>", []);

        Assert.Equal(
            "forbidden: User \"&lt;script&gt;\" cannot get path \"/a&amp;b\": RBAC: oops",
            RbacAuthorizer.Forbidden(user, RequestAttributes.ForPath("get", "/a&b"), "RBAC: oops"));
    }
}
