using System.Net;
using Kubemate.Host.Tests.Support;

namespace Kubemate.Host.Tests.Api;

[Collection(HostCollection.Name)]
public sealed class NamespacesApiTests(HostFixture host)
{
    [Fact]
    public async Task A_cluster_admin_sees_every_namespace_with_its_mesh_status()
    {
        using var alice = host.Bearer("alice");
        var namespaces = (await alice.GetJsonAsync("/api/v1/namespaces")).AsArray();
        var web = namespaces.Single(n => (string?)n!["name"] == "web")!;
        Assert.True((bool)web["injectionEnabled"]!);
        Assert.Contains(namespaces, n => (string?)n!["name"] == "users" && !(bool)n["injectionEnabled"]!);
        Assert.Contains(web["workloads"]!.AsArray(), w => (string?)w!["name"] == "frontend" && (string?)w["kind"] == "Deployment");
    }

    [Fact]
    public async Task A_team_member_sees_only_the_namespaces_kubernetes_lets_them_read()
    {
        using var olivia = host.Bearer("olivia");
        var names = (await olivia.GetJsonAsync("/api/v1/namespaces")).AsArray().Select(n => (string?)n!["name"]).ToList();
        Assert.Contains("orders", names);
        Assert.DoesNotContain("payments", names);

        using var refused = await olivia.GetAsync("/api/v1/namespaces/payments/mesh");
        var problem = await Json.ProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Contains("olivia", (string?)problem["detail"]);
    }
}
