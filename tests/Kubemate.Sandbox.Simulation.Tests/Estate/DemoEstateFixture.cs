namespace Kubemate.Sandbox.Simulation.Tests.Estate;

/// <summary>One sandbox with the seeded demo estate, shared by the tests that only read it.</summary>
public sealed class DemoEstateFixture : IAsyncLifetime
{
    private SimulatedCluster? _cluster;

    public SimulatedCluster Cluster => _cluster ?? throw new InvalidOperationException("the demo estate sandbox did not start");

    public async Task InitializeAsync() => _cluster = await SimulatedCluster.StartAsync(new SandboxOptions(), new SimulationOptions());

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
