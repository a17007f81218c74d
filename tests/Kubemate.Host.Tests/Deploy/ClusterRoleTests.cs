using System.Net;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Identity;
using Kubemate.Host.Tests.Support;
using Kubemate.Sandbox;
using Kubemate.Sandbox.Auth;

namespace Kubemate.Host.Tests.Deploy;

/// <summary>
/// deploy/kubemate-clusterrole.yaml applied to a sandbox: Kubemate's service account does its background reads
/// and impersonates users, can change nothing itself, and a user's denied action stays denied through it.
/// </summary>
public sealed class ClusterRoleTests : IAsyncLifetime
{
    private const string ServiceAccount = "system:serviceaccount:kubemate:kubemate";
    private static readonly UserIdentity Olivia = new("olivia", ["team-orders"]);
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() =>
        _sandbox = await SandboxServer.StartAsync(new SandboxOptions(),
            [new SandboxUserSpec(ServiceAccount, ["system:serviceaccounts", "system:serviceaccounts:kubemate"]), new SandboxUserSpec(Olivia.Name, Olivia.Groups)]);

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public void The_manifest_holds_the_service_account_cluster_role_and_binding()
    {
        var objects = Manifest();
        Assert.Contains(objects, o => (string?)o["kind"] == "ServiceAccount" && (string?)o["metadata"]!["namespace"] == "kubemate");
        var role = objects.Single(o => (string?)o["kind"] == "ClusterRole");
        var verbs = role["rules"]!.AsArray().SelectMany(r => r!["verbs"]!.AsArray().Select(v => (string)v!)).Distinct().Order().ToList();
        Assert.Equal(["create", "get", "impersonate", "list", "watch"], verbs);
        var binding = objects.Single(o => (string?)o["kind"] == "ClusterRoleBinding");
        Assert.Equal("kubemate", (string?)binding["roleRef"]!["name"]);
    }

    [Fact]
    public async Task The_service_account_reads_and_impersonates_but_a_users_denied_action_stays_denied()
    {
        var connection = ClusterConnection.ForEndpoint(_sandbox.Url, _sandbox.Certificates.Authority, _sandbox.Admin.Token);
        using var admin = connection.CreateApi();
        foreach (var obj in Manifest())
        {
            var path = (string)obj["kind"]! switch
            {
                "Namespace" => "api/v1/namespaces",
                "ServiceAccount" => "api/v1/namespaces/kubemate/serviceaccounts",
                "ClusterRole" => "apis/rbac.authorization.k8s.io/v1/clusterroles",
                "ClusterRoleBinding" => "apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
                "Role" => "apis/rbac.authorization.k8s.io/v1/namespaces/kubemate/roles",
                "RoleBinding" => "apis/rbac.authorization.k8s.io/v1/namespaces/kubemate/rolebindings",
                var other => throw new Xunit.Sdk.XunitException($"unexpected kind {other}"),
            };
            await admin.SendAsync(HttpMethod.Post, path, obj, "application/json", default);
        }
        foreach (var ns in new[] { "orders", "payments" })
        {
            await admin.SendAsync(HttpMethod.Post, "api/v1/namespaces", new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = ns } }, "application/json", default);
        }
        await Workloads.BindAsync(admin, "orders", Olivia.Name, "edit");

        var token = _sandbox.Users.Single(u => u.Name == ServiceAccount).Token;
        var kubemate = ClusterConnection.ForEndpoint(_sandbox.Url, _sandbox.Certificates.Authority, token);
        using var own = kubemate.CreateApi();
        foreach (var list in new[] { "api/v1/namespaces", "api/v1/pods", "api/v1/services", "apis/apps/v1/deployments", "apis/apps/v1/statefulsets" })
        {
            Assert.NotNull((await own.SendAsync(HttpMethod.Get, list, null, null, default))["items"]);
        }
        var write = await Assert.ThrowsAsync<ClusterApiException>(() => own.SendAsync(HttpMethod.Post, "api/v1/namespaces/orders/configmaps", ConfigMap("by-kubemate"), "application/json", default));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);

        using var asOlivia = kubemate.CreateApi(Olivia);
        await asOlivia.SendAsync(HttpMethod.Post, "api/v1/namespaces/orders/configmaps", ConfigMap("by-olivia"), "application/json", default);
        var denied = await Assert.ThrowsAsync<ClusterApiException>(() => asOlivia.SendAsync(HttpMethod.Post, "api/v1/namespaces/payments/configmaps", ConfigMap("by-olivia"), "application/json", default));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("olivia", denied.Message);
    }

    private static IReadOnlyList<JsonObject> Manifest() =>
        YamlJson.ExpandLists(YamlJson.ParseDocuments(File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "kubemate-clusterrole.yaml")))).ToList();

    private static JsonObject ConfigMap(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name },
    };
}
