using System.Text.Json.Nodes;
using Kubemate.Cluster.Connection;
using Kubemate.Host.Audit;
using Kubemate.Host.Identity;
using Kubemate.Host.Tests.Support;
using Kubemate.Sandbox;
using Kubemate.Sandbox.Auth;
using Kubemate.Sandbox.Simulation;
using Kubemate.Testing;

namespace Kubemate.Host.Tests.Meshes;

/// <summary>
/// <c>serve --mesh istio</c> on a sandbox whose estate runs Istio: the REST API's namespace status, workload
/// telemetry and topology count the same meshed workloads, and telemetry reads Istio's series.
/// </summary>
public sealed class IstioEstateTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"kubemate-istio-host-{Guid.NewGuid():n}");
    private SandboxServer _sandbox = null!;
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _sandbox = await SandboxSimulation.StartAsync(new SandboxOptions(), new SimulationOptions { EstateMesh = DemoMesh.Istio });
        _host = await RunningHost.StartAsync(new KubemateHostOptions
        {
            ListenAddress = "127.0.0.1",
            Port = 0,
            Cluster = ClusterConnection.ForEndpoint(_sandbox.Url, _sandbox.Certificates.Authority, _sandbox.Admin.Token),
            Users = _sandbox.Users.Where(u => u.Name != UserStore.AdminName).Select(u => new DirectoryUser(u.Name, u.Groups, u.Token, u.Password)).ToList(),
            Audit = new AuditStoreLocation(null, Path.Combine(_directory, "audit.db")),
            MeshProvider = "istio",
        });
    }

    [Fact]
    public async Task Namespace_status_workload_telemetry_and_topology_agree_on_the_meshed_workloads()
    {
        using var alice = ApiClient.WithBearer(_host.Url, _sandbox.Users.Single(u => u.Name == "alice").Token);

        // The estate's pods are created right after start; wait until every bank Deployment's pods exist.
        var namespaces = await Eventually.Until(async () => (await alice.GetJsonAsync("/api/v1/namespaces")).AsArray().Select(n => n!).ToList(),
            list => list.Where(n => (string?)n["name"] is "web" or "orders" or "payments").Sum(n => (int)n["totalPods"]!) == 9,
            "the nine pods of web, orders and payments");
        foreach (var meshed in new[] { "web", "orders", "payments" })
        {
            var status = namespaces.Single(n => (string?)n["name"] == meshed);
            Assert.True((bool)status["injectionEnabled"]!, $"{meshed} has Istio injection on");
            Assert.True((int)status["meshedPods"]! > 0 && (int)status["meshedPods"]! == (int)status["totalPods"]!, $"{meshed}: {status["meshedPods"]}/{status["totalPods"]} pods carry istio-proxy");
        }
        Assert.False((bool)namespaces.Single(n => (string?)n["name"] == "users")["injectionEnabled"]!);
        var meshedByStatus = namespaces.SelectMany(n => n["workloads"]!.AsArray().Select(w => (Namespace: (string)n["name"]!, Name: (string)w!["name"]!, Meshed: (int)w["meshedPods"]! > 0)))
            .Where(w => w.Meshed).Select(w => $"{w.Namespace}/{w.Name}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["orders/inventory", "orders/orders", "payments/fraud-check", "payments/payment", "web/frontend"], meshedByStatus);

        // The embedded store answers 503 noData until its first scrape of the estate's proxies.
        var answer = await Eventually.Until(async () =>
        {
            using var response = await alice.GetAsync("/api/v1/telemetry/workloads?window=1m");
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }, r => r.StatusCode == System.Net.HttpStatusCode.OK, "the embedded store's first scrape");
        var workloads = JsonNode.Parse(answer.Body)!["data"]!.AsArray().Select(w => w!).ToList();
        var meshedByTelemetry = workloads.Where(w => (int)w["meshedPods"]! > 0)
            .Select(w => $"{w["workload"]!["namespace"]}/{w["workload"]!["name"]}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(meshedByStatus, meshedByTelemetry);

        // Istio's series (istio_requests_total) through the embedded store: calls between the meshed workloads.
        JsonNode topology = null!;
        await Eventually.True(async () =>
        {
            topology = (await alice.GetJsonAsync("/api/v1/telemetry/topology?window=1m"))["data"]!;
            return topology["edges"]!.AsArray().Any(e => (double)e!["rps"]! > 0 && (string?)e["source"] == "web/deployment/frontend" && (string?)e["target"] == "orders/deployment/orders");
        }, "the embedded store reading Istio's istio_requests_total for frontend -> orders", TimeSpan.FromSeconds(90));
        var meshedByTopology = topology["nodes"]!.AsArray().Where(n => (bool)n!["meshed"]! && (string?)n["kind"] != "unmeshed")
            .Select(n => $"{n!["namespace"]}/{n["name"]}").Where(meshedByStatus.Contains).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(meshedByStatus, meshedByTopology);
        Assert.DoesNotContain(topology["nodes"]!.AsArray(), n => (bool)n!["meshed"]! && !meshedByStatus.Contains($"{n["namespace"]}/{n["name"]}") && (string?)n["kind"] != "unmeshed");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _sandbox.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
