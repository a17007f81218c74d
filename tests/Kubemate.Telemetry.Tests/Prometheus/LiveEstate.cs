using System.Text.Json.Nodes;
using Kubemate.Cluster.Connection;
using Kubemate.Sandbox;
using Kubemate.Sandbox.Simulation;
using Kubemate.Telemetry.Tests.Support;
using Kubemate.Cluster.Http;

namespace Kubemate.Telemetry.Tests.Prometheus;

/// <summary>
/// A sandbox (no demo estate) whose pods carry the linkerd-proxy container and whose pod proxy serves
/// <see cref="ProxyTraffic"/> from this test's <see cref="TrafficProxyBackend"/>.
/// </summary>
public sealed class LiveEstate : IAsyncDisposable
{
    private LiveEstate(SandboxServer server, TrafficProxyBackend proxies)
    {
        Server = server;
        Proxies = proxies;
        Connection = ClusterConnection.ForEndpoint(server.Url, server.Certificates.Authority, server.Admin.Token);
    }

    public SandboxServer Server { get; }
    public TrafficProxyBackend Proxies { get; }
    public ClusterConnection Connection { get; }

    public static async Task<LiveEstate> StartAsync(IReadOnlyList<TrafficEdge> edges)
    {
        var proxies = new TrafficProxyBackend(TimeProvider.System);
        var components = SandboxSimulation.Components(new SimulationOptions { SeedDemoEstate = false }).Append(proxies);
        var server = await SandboxServer.StartAsync(new SandboxOptions(), SandboxSimulation.DemoUsers, components);
        var estate = new LiveEstate(server, proxies);
        var traffic = new ProxyTraffic(DateTimeOffset.UtcNow, edges);
        using var api = estate.Connection.CreateApi();
        foreach (var ns in traffic.Workloads.Select(w => w.Namespace).Distinct())
        {
            await api.SendAsync(HttpMethod.Post, "api/v1/namespaces", new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Namespace",
                ["metadata"] = new JsonObject { ["name"] = ns },
            }, "application/json", default);
        }
        foreach (var (ns, workload) in traffic.Workloads)
        {
            await api.SendAsync(HttpMethod.Post, $"api/v1/namespaces/{ns}/pods", MeshedPod(workload), "application/json", default);
        }
        proxies.Traffic = traffic;
        return estate;
    }

    public async Task<string> WriteCertificateAuthorityAsync(string directory)
    {
        var path = Path.Combine(directory, "sandbox-ca.pem");
        await File.WriteAllTextAsync(path, Server.Certificates.Authority.ExportCertificatePem());
        return path;
    }

    private static JsonObject MeshedPod(string workload) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject
        {
            ["name"] = workload + "-0",
            ["labels"] = new JsonObject
            {
                ["app"] = workload,
                ["linkerd.io/control-plane-ns"] = "linkerd",
                ["linkerd.io/proxy-deployment"] = workload,
            },
        },
        ["spec"] = new JsonObject
        {
            ["containers"] = new JsonArray(
                new JsonObject { ["name"] = "app", ["image"] = "app:test", ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["containerPort"] = 8080 }) },
                new JsonObject { ["name"] = "linkerd-proxy", ["image"] = "linkerd-proxy:test", ["ports"] = new JsonArray(
                    new JsonObject { ["name"] = "linkerd-proxy", ["containerPort"] = 4143 },
                    new JsonObject { ["name"] = "linkerd-admin", ["containerPort"] = 4191 }) }),
        },
    };

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
