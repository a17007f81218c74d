using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Kubemate.Application;
using Kubemate.Application.Meshes;
using Kubemate.Application.Onboarding;
using Kubemate.Audit.Storage;
using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Identity;
using Kubemate.Model.Edge;
using Kubemate.Sandbox;
using Kubemate.Sandbox.Simulation;
using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Exposition;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Inventory;
using Kubemate.Application.Overview;
using Kubemate.Testing.ThirdMesh;
using Kubemate.WebConsole.Telemetry.Overview;
using Microsoft.Extensions.Time.Testing;

namespace Kubemate.WebConsole.Tests.ThirdMesh;

/// <summary>
/// A third mesh is its driver and one registration: onboarding, mesh status, the overview's data and telemetry work
/// for <see cref="TinyMeshDriver"/>, which only Kubemate.Testing defines, against a real sandbox cluster.
/// </summary>
public sealed class ThirdMeshTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private SandboxServer? _server;
    private ClusterApi _admin = null!;
    private readonly string _auditPath = Path.Combine(Path.GetTempPath(), $"kubemate-third-mesh-{Guid.NewGuid():N}.db");

    public async Task InitializeAsync()
    {
        _server = await SandboxSimulation.StartAsync(new SandboxOptions(), SimulationOptions.Empty with { PodStartDelay = TimeSpan.FromMilliseconds(50) });
        _admin = ClusterConnection.ForEndpoint(_server.Url, _server.Certificates.Authority, _server.Admin.Token).CreateApi();
    }

    [Fact]
    public async Task A_third_mesh_defined_only_by_its_driver_gets_onboarding_status_overview_and_telemetry()
    {
        var tiny = MeshCatalog.Create().Register(TinyMeshDriver.Name, () => new TinyMeshDriver()).Create(TinyMeshDriver.Name);
        var caNotAfter = await SeedAsync();

        // Status: the namespace switch and the pods carrying tiny-proxy.
        var status = Assert.Single(await MeshStatusReader.ReadAsync(_admin, tiny, "shop", default));
        Assert.True(status.InjectionEnabled);
        Assert.Equal((2, 3), (status.MeshedPods, status.TotalPods));

        // Onboarding: the plan speaks the mesh's own switch, both in the change and in why a workload is skipped.
        await using var audit = await SqlAuditStore.OpenSqliteAsync(_auditPath);
        var onboarding = new MeshOnboarding(_admin, tiny, audit, new OperationContext(new UserIdentity("alice", ["platform-admins"]), "127.0.0.1", "sandbox"));
        var disable = await onboarding.PlanAsync(new OnboardingRequest("shop", Enable: false));
        Assert.Matches(@"tinymesh\.example/inject: ""?off", disable.InjectionDiff.After);
        Assert.Matches(@"tinymesh\.example/inject: ""?on", disable.InjectionDiff.Before);
        Assert.Contains(disable.Restarts, r => r.Name == "api");
        var enable = await onboarding.PlanAsync(new OnboardingRequest("shop", Enable: true));
        Assert.Contains(enable.Skipped, s => s.Name == "legacy" && s.Detail.Contains("tinymesh.example/inject: \"off\"", StringComparison.Ordinal));

        // The overview: the control plane the conventions name, and the issuer's expiry from the Secret they point at.
        var plane = await ControlPlaneStatus.ReadAsync(_admin, ControlPlaneStatus.Planes(tiny.Conventions, GatewayConventions.Traefik)[0], default);
        Assert.Equal(("tiny-system", "TinyMesh", "tiny-controller"), (plane.Namespace, plane.DisplayName, Assert.Single(plane.Workloads)));
        Assert.True(plane.Healthy, $"{plane.Ready}/{plane.Total} ready, missing {string.Join(",", plane.Missing)}");
        var clock = new FakeTimeProvider(Start);
        var store = new EmbeddedStore(new EmbeddedStoreOptions(), clock);
        var expiry = await IdentityExpiry.ReadAsync(_admin, tiny.Conventions, store, Start, default);
        Assert.Equal(IdentityExpirySource.IssuerSecret, expiry.Source);
        Assert.Equal(caNotAfter, expiry.NotAfter);

        // Telemetry: the scrape discovery keeps tiny-proxy's pods, and every query is in the mesh's own vocabulary.
        var pods = (await _admin.SendAsync(HttpMethod.Get, "api/v1/pods", null, null, default))["items"] as JsonArray ?? [];
        var targets = ScrapeDiscovery.Targets(pods, tiny.Conventions);
        Assert.Equal(2, targets.Count);
        Assert.All(targets, t => Assert.Equal(("shop", "4000", "stats"), (t.Namespace, t.Port, t.MetricsPath)));
        Assert.All(targets, t => Assert.StartsWith("api-", t.Pod));
        for (var second = 0; second <= 120; second += 10)
        {
            foreach (var target in targets)
            {
                store.Append(target.Key, target.Labels, Start.AddSeconds(second), PrometheusTextParser.Parse(Exposition(second)).Samples);
            }
        }
        clock.SetUtcNow(Start.AddSeconds(120));
        var telemetry = new TelemetryService(store, new ClusterWorkloadInventory(_admin), new TelemetryOptions { Mesh = tiny.Conventions }, clock);

        var workloads = (await telemetry.WorkloadsAsync(["shop"], TelemetryWindow.OneMinute, default)).Value!;
        var api = Assert.Single(workloads, w => w.Workload == new WorkloadRef("shop", "deployment", "api"));
        Assert.Equal((2, 2), (api.MeshedPods, api.TotalPods));
        Assert.Equal(20, api.Metrics.Rps, 0.5);
        Assert.Equal(0.9, api.Metrics.SuccessRate!.Value, 0.01);
        Assert.Equal(6, api.TcpConnections);
        Assert.Equal((1, 2), (MeshCoverage.From(workloads).MeshedWorkloads, MeshCoverage.From(workloads).TotalWorkloads));

        var edges = (await telemetry.EdgesAsync(["shop"], TelemetryWindow.OneMinute, default)).Value!;
        var call = Assert.Single(edges, e => e.Source == api.Workload);
        Assert.Equal(new WorkloadRef("shop", "deployment", "legacy"), call.Destination);
        Assert.False(call.Secured);
        Assert.Equal(4, call.Metrics.Rps, 0.2);

        var graph = (await telemetry.TopologyAsync(["shop"], TelemetryWindow.OneMinute, default)).Value!;
        Assert.True(Assert.Single(graph.Nodes, n => n.Id == "shop/deployment/api").Meshed);
        Assert.False(Assert.Single(graph.Nodes, n => n.Id == "shop/deployment/legacy").Meshed);
    }

    /// <summary>One tiny-proxy's counters after <paramref name="second"/> seconds: 9 successes and 1 failure a second in, 2 calls a second out.</summary>
    private static string Exposition(int second)
    {
        string S(int perSecond) => (perSecond * second).ToString(CultureInfo.InvariantCulture);
        return $$"""
            # TYPE tiny_responses_total counter
            tiny_responses_total{side="server",tiny_ns="shop",tiny_workload="api",code="200",secure="yes"} {{S(9)}}
            tiny_responses_total{side="server",tiny_ns="shop",tiny_workload="api",code="503",secure="yes"} {{S(1)}}
            tiny_responses_total{side="client",tiny_ns="shop",tiny_workload="api",peer_ns="shop",peer_workload="legacy",peer_service="legacy",code="200",secure="no"} {{S(2)}}
            # TYPE tiny_open_connections gauge
            tiny_open_connections{side="server",tiny_ns="shop",tiny_workload="api"} 3

            """;
    }

    /// <summary>The mesh's control plane and CA, a namespace with the switch on, api (with the proxy its injector would add) and legacy (opted out).</summary>
    private async Task<DateTimeOffset> SeedAsync()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=tinymesh-ca", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var notAfter = new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero);
        using var ca = request.CreateSelfSigned(Start.AddDays(-1), notAfter);
        await CreateAsync("api/v1/namespaces", Namespace("tiny-system", []));
        await CreateAsync("api/v1/namespaces/tiny-system/secrets", new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = "tiny-ca", ["namespace"] = "tiny-system" },
            ["data"] = new JsonObject { ["ca.pem"] = Convert.ToBase64String(Encoding.ASCII.GetBytes(ca.ExportCertificatePem())) },
        });
        await CreateAsync("apis/apps/v1/namespaces/tiny-system/deployments", Deployment("tiny-system", "tiny-controller", 1, [], withProxy: false));
        await CreateAsync("api/v1/namespaces", Namespace("shop", new() { [TinyMeshDriver.InjectLabel] = "on" }));
        await CreateAsync("apis/apps/v1/namespaces/shop/deployments", Deployment("shop", "api", 2, [], withProxy: true));
        await CreateAsync("apis/apps/v1/namespaces/shop/deployments", Deployment("shop", "legacy", 1, new() { [TinyMeshDriver.InjectLabel] = "off" }, withProxy: false));
        await Eventually.True(async () =>
        {
            var pods = (await _admin.SendAsync(HttpMethod.Get, "api/v1/pods", null, null, default))["items"] as JsonArray ?? [];
            return pods.OfType<JsonObject>().Count(p => (string?)p["status"]?["phase"] == "Running" && p["status"]?["podIP"] is not null) == 4;
        }, "the four pods running", TimeSpan.FromSeconds(30));
        return new DateTimeOffset(ca.NotAfter.ToUniversalTime(), TimeSpan.Zero);
    }

    private Task CreateAsync(string path, JsonObject body) => _admin.SendAsync(HttpMethod.Post, path, body, "application/json", default);

    private static JsonObject Namespace(string name, Dictionary<string, string> labels) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = Labels(labels) },
    };

    private static JsonObject Deployment(string ns, string name, int replicas, Dictionary<string, string> templateLabels, bool withProxy)
    {
        var containers = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = $"example/{name}:1" });
        if (withProxy)
        {
            containers.Add(new JsonObject
            {
                ["name"] = "tiny-proxy",
                ["image"] = "example/tiny-proxy:0.1",
                ["ports"] = new JsonArray(new JsonObject { ["name"] = "tiny-metrics", ["containerPort"] = 4000 }),
            });
        }
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["spec"] = new JsonObject
            {
                ["replicas"] = replicas,
                ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = Labels(new(templateLabels) { ["app"] = name }) },
                    ["spec"] = new JsonObject { ["containers"] = containers },
                },
            },
        };
    }

    private static JsonObject Labels(Dictionary<string, string> labels) => new(labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value)));

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        foreach (var file in new[] { _auditPath, _auditPath + ".key", _auditPath + ".anchors" })
        {
            File.Delete(file);
        }
    }
}
