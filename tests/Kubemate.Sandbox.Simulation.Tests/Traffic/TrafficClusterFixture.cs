namespace Kubemate.Sandbox.Simulation.Tests.Traffic;

/// <summary>One demo-estate sandbox for tests that only read the traffic (they tick it, and compare deltas).</summary>
public sealed class TrafficClusterFixture : IAsyncLifetime
{
    private TrafficCluster? _cluster;

    public TrafficCluster Cluster => _cluster ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _cluster = await TrafficCluster.StartAsync();
        _cluster.Tick(5);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
