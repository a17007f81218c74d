using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Identity;
using Kubemate.Sandbox;
using Kubemate.Sandbox.Simulation;

namespace Kubemate.Application.Tests;

/// <summary>
/// One sandbox with the simulation and the demo estate for every test class of the collection, reached only over
/// HTTP through <see cref="ClusterConnection"/>. The tests share it, so they run one after another.
/// </summary>
public sealed class DemoSandbox : IAsyncLifetime
{
    public static readonly UserIdentity Alice = new("alice", ["platform-admins"]);
    public static readonly UserIdentity Olivia = new("olivia", ["team-orders"]);

    public SandboxServer Server { get; private set; } = null!;

    public ClusterConnection Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SandboxSimulation.StartAsync(new SandboxOptions(), new SimulationOptions { SeedDemoEstate = true, SimulateTraffic = false });
        Connection = ClusterConnection.ForEndpoint(Server.Url, Server.Certificates.Authority, Server.Admin.Token);
    }

    public ClusterApi Admin() => Connection.CreateApi();

    public ClusterApi As(UserIdentity user) => Connection.CreateApi(user);

    public static OperationContext Context(UserIdentity user) => new(user, "127.0.0.1", "sandbox");

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class DemoSandboxCollection : ICollectionFixture<DemoSandbox>
{
    public const string Name = "demo sandbox";
}
