using Kubemate.Application.Identity;
using Kubemate.Cluster.Connection;
using Kubemate.WebConsole.Session;
using Kubemate.Sandbox;
using Kubemate.Sandbox.Simulation;

namespace Kubemate.WebConsole.Tests.Access;

/// <summary>The sandbox with the demo estate and users, reached over HTTP as the console reaches a cluster.</summary>
public sealed class DemoSandboxFixture : IAsyncLifetime
{
    public SandboxServer Server { get; private set; } = null!;

    public ClusterConnection Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SandboxSimulation.StartAsync(new SandboxOptions(), new SimulationOptions { SeedDemoEstate = true, SimulateTraffic = false });
        Connection = ClusterConnection.ForEndpoint(Server.Url, Server.Certificates.Authority, Server.Admin.Token);
        Clusters = new UserClusters(Connection, "sandbox");
    }

    /// <summary>A console session signed in as a demo user (alice, olivia, audrey).</summary>
    public ConsoleSession SessionOf(string user) => DemoUserSession.For(Server, Connection, Clusters, user);

    /// <summary>The users' impersonating clients, as the host keeps them.</summary>
    public UserClusters Clusters { get; private set; } = null!;

    public async Task DisposeAsync()
    {
        Clusters.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DemoSandboxCollection : ICollectionFixture<DemoSandboxFixture>
{
    public const string Name = "demo sandbox";
}
