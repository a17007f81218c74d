using System.Text.Json.Nodes;
using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;
using Kubemate.Sandbox;

namespace Kubemate.Audit.Tests.Trust;

/// <summary>A real sandbox API server on a free loopback port, reached over HTTP as Kubemate reaches a cluster, as its admin.</summary>
public sealed class SandboxCluster : IAsyncLifetime
{
    private readonly List<ClusterApi> clients = [];

    public SandboxServer Server { get; private set; } = null!;

    private ClusterConnection Connection { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(new SandboxOptions());
        Connection = ClusterConnection.ForEndpoint(Server.Url, Server.Certificates.Authority, Server.Admin.Token);
    }

    /// <summary>A client of its own (its own connections), as another replica would have.</summary>
    public ClusterApi NewClient()
    {
        var api = Connection.CreateApi();
        lock (clients)
        {
            clients.Add(api);
        }
        return api;
    }

    /// <summary>A namespace of its own for one test.</summary>
    public async Task<string> NewNamespaceAsync()
    {
        var name = $"audit-{Guid.NewGuid():n}"[..16];
        await NewClient().CreateObjectAsync(BuiltInTypes.Namespace, null, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject { ["name"] = name },
        }, CancellationToken.None);
        return name;
    }

    public async Task DisposeAsync()
    {
        foreach (var api in clients)
        {
            api.Dispose();
        }
        await Server.DisposeAsync();
    }
}
