using System.Net;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Identity;
using Kubemate.Sandbox;
using Kubemate.Sandbox.Auth;
using Kubemate.Testing;

namespace Kubemate.Cluster.Tests;

/// <summary>
/// A real sandbox API server on a free loopback port with Gateway API's HTTPRoute CRD installed; the tests reach
/// it only over HTTP, through <see cref="ClusterConnection"/>, exactly as Kubemate reaches a cluster.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public static readonly UserIdentity Olivia = new("olivia", ["team-orders"]);
    public static readonly UserIdentity Bob = new("bob", ["team-payments"]);

    public SandboxServer Server { get; private set; } = null!;

    public ClusterConnection Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Short history and rare bookmarks, so a watch that reconnects after churn elsewhere gets 410 Gone.
        Server = await SandboxServer.StartAsync(
            new SandboxOptions { WatchHistory = 30, BookmarkInterval = TimeSpan.FromHours(1) },
            [new SandboxUserSpec(Olivia.Name, Olivia.Groups), new SandboxUserSpec(Bob.Name, Bob.Groups)]);
        Connection = ClusterConnection.ForEndpoint(Server.Url, Server.Certificates.Authority, Server.Admin.Token);
        using var api = Connection.CreateApi();
        var crd = YamlJson.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Schemas, "gateway-api", "v1.6.1", "standard", "gateway.networking.k8s.io_httproutes.yaml")))!;
        await api.SendAsync(HttpMethod.Post, "apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd, "application/json", default);
        await Eventually.Until(async () => await new ApiDiscovery(api).ResourcesAsync("gateway.networking.k8s.io/v1"),
            resources => resources.Any(r => r.Kind == "HTTPRoute"), "HTTPRoute served");
    }

    public ClusterApi Admin() => Connection.CreateApi();

    public ClusterApi As(UserIdentity user) => Connection.CreateApi(user);

    public async Task<string> NewNamespaceAsync(string prefix = "t")
    {
        var name = $"{prefix}-{Guid.NewGuid():n}"[..(prefix.Length + 11)];
        using var api = Admin();
        await api.SendAsync(HttpMethod.Post, "api/v1/namespaces", new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject { ["name"] = name },
        }, "application/json", default);
        return name;
    }

    /// <summary>Binds a cluster role (edit, view…) to a user inside one namespace.</summary>
    public async Task GrantAsync(UserIdentity user, string clusterRole, string ns)
    {
        using var api = Admin();
        await api.SendAsync(HttpMethod.Post, $"apis/rbac.authorization.k8s.io/v1/namespaces/{ns}/rolebindings", new JsonObject
        {
            ["apiVersion"] = "rbac.authorization.k8s.io/v1",
            ["kind"] = "RoleBinding",
            ["metadata"] = new JsonObject { ["name"] = $"{user.Name}-{clusterRole}" },
            ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "ClusterRole", ["name"] = clusterRole },
            ["subjects"] = new JsonArray(new JsonObject { ["kind"] = "User", ["name"] = user.Name, ["apiGroup"] = "rbac.authorization.k8s.io" }),
        }, "application/json", default);
    }

    public async Task<JsonObject?> GetAsync(string path)
    {
        using var api = Admin();
        return await api.GetOrNullAsync(path, default);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public static bool IsStatus(Exception error, HttpStatusCode code) => error is ClusterApiException api && api.StatusCode == code;
}
