using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Kubemate.Cluster.Connection;
using Kubemate.Host;
using Kubemate.Host.Audit;
using Kubemate.Host.Identity;
using Kubemate.Sandbox;
using Kubemate.Sandbox.Auth;
using Kubemate.Sandbox.Simulation;
using Kubemate.Telemetry.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Kubemate.Telemetry.Tests.Host;

/// <summary>
/// Acceptance (telemetry respects RBAC): <c>kubemate serve</c>'s host on the demo sandbox with its embedded store.
/// olivia may list pods only in <c>orders</c>; alice everywhere.
/// </summary>
public sealed class TelemetryAccessTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("kubemate-tel-rbac-").FullName;
    private SandboxServer sandbox = null!;
    private WebApplication host = null!;
    private Uri url = null!;

    public async Task InitializeAsync()
    {
        sandbox = await SandboxSimulation.StartAsync(new SandboxOptions(), new SimulationOptions { SeedDemoEstate = true });
        host = KubemateHost.Build(new KubemateHostOptions
        {
            Port = 0,
            Cluster = ClusterConnection.ForEndpoint(sandbox.Url, sandbox.Certificates.Authority, sandbox.Admin.Token),
            Users = sandbox.Users.Where(u => u.Name != UserStore.AdminName).Select(u => new DirectoryUser(u.Name, u.Groups, u.Token, u.Password)).ToList(),
            Audit = new AuditStoreLocation(null, Path.Combine(directory, "audit.db")),
        });
        await host.StartAsync();
        url = host.BoundUrl();
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(string user, string path)
    {
        using var http = new HttpClient { BaseAddress = url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sandbox.Users.Single(u => u.Name == user).Token);
        using var response = await http.GetAsync(path);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    /// <summary>The answer once the embedded store has scraped (before, it is a 503 noData).</summary>
    private async Task<JsonObject> DataAsync(string user, string path, Func<JsonNode, bool> ready, string what)
    {
        var data = await Eventually.Until(async () =>
        {
            var (status, body) = await GetAsync(user, path);
            return status == HttpStatusCode.OK ? body["data"] : null;
        }, data => data is not null && ready(data), what, TimeSpan.FromSeconds(90));
        return new JsonObject { ["data"] = data!.DeepClone() };
    }

    [Fact]
    public async Task Asking_for_a_namespace_the_user_may_not_read_is_a_403_naming_the_namespace()
    {
        var topology = await GetAsync("olivia", "/api/v1/telemetry/topology?namespace=orders&namespace=web");
        var workload = await GetAsync("olivia", "/api/v1/telemetry/workloads/web/deployment/frontend");
        var split = await GetAsync("olivia", "/api/v1/telemetry/splits/payments/payment");

        Assert.Equal(HttpStatusCode.Forbidden, topology.Status);
        Assert.NotNull(topology.Body["errors"]!["namespace[1]"]);
        Assert.Equal(HttpStatusCode.Forbidden, workload.Status);
        Assert.NotNull(workload.Body["errors"]!["namespace"]);
        Assert.Equal(HttpStatusCode.Forbidden, split.Status);
        Assert.NotEqual(HttpStatusCode.Forbidden, (await GetAsync("alice", "/api/v1/telemetry/topology?namespace=web")).Status);
    }

    [Fact]
    public async Task A_user_sees_only_workloads_of_namespaces_they_may_list_pods_in_and_callers_from_elsewhere_as_hidden()
    {
        static IEnumerable<JsonNode> Nodes(JsonObject answer) => answer["data"]!["nodes"]!.AsArray().Select(n => n!);
        static bool CallsOrders(JsonNode data) => data["edges"]!.AsArray().Any(e => e!["target"]!.GetValue<string>() == "orders/deployment/orders");

        var olivia = await DataAsync("olivia", "/api/v1/telemetry/topology", CallsOrders, "olivia's topology with the calls into orders");
        var alice = await DataAsync("alice", "/api/v1/telemetry/topology", CallsOrders, "alice's topology with the calls into orders");
        var workloads = (await GetAsync("olivia", "/api/v1/telemetry/workloads")).Body["data"]!.AsArray();

        Assert.All(Nodes(olivia), n => Assert.Contains(n["namespace"]!.GetValue<string>(), new[] { "orders", "" }));
        Assert.Contains(Nodes(olivia), n => n["id"]!.GetValue<string>() == "orders/deployment/orders");
        Assert.Contains(olivia["data"]!["edges"]!.AsArray(), e => e!["source"]!.GetValue<string>() == "hidden" && e["target"]!.GetValue<string>() == "orders/deployment/orders");
        Assert.DoesNotContain(olivia.ToJsonString(), "frontend", StringComparison.Ordinal);
        Assert.Contains(Nodes(alice), n => n["id"]!.GetValue<string>() == "web/deployment/frontend");
        Assert.Contains(Nodes(alice), n => n["id"]!.GetValue<string>() == "traefik/deployment/traefik" && n["kind"]!.GetValue<string>() == "gateway");
        Assert.DoesNotContain(Nodes(alice), n => n["kind"]!.GetValue<string>() == "hidden");
        Assert.NotEmpty(workloads);
        Assert.All(workloads, w => Assert.Equal("orders", w!["workload"]!["namespace"]!.GetValue<string>()));
    }

    [Fact]
    public async Task One_shared_answer_is_narrowed_for_each_reader_so_a_peer_one_user_may_see_never_reaches_another()
    {
        static bool FrontendCallsOrders(JsonNode data) => data.ToJsonString().Contains("web/deployment/frontend", StringComparison.Ordinal) &&
            data["edges"]!.AsArray().Any(e => e!["target"]!.GetValue<string>() == "orders/deployment/orders");

        // alice asking for orders asks olivia's question (olivia may read only orders): one shared answer serves both.
        await DataAsync("alice", "/api/v1/telemetry/topology?namespace=orders", FrontendCallsOrders, "alice's topology of orders with frontend's calls");
        var olivia = await GetAsync("olivia", "/api/v1/telemetry/topology");
        var alice = await GetAsync("alice", "/api/v1/telemetry/topology?namespace=orders");

        Assert.Equal(HttpStatusCode.OK, olivia.Status);
        Assert.DoesNotContain("frontend", olivia.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("web/", olivia.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(olivia.Body["data"]!["edges"]!.AsArray(), e => e!["source"]!.GetValue<string>() == "hidden");
        Assert.Equal(HttpStatusCode.OK, alice.Status);
        Assert.Contains("web/deployment/frontend", alice.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(alice.Body["data"]!["nodes"]!.AsArray(), n => n!["kind"]!.GetValue<string>() == "hidden");
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        await host.DisposeAsync();
        await sandbox.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
