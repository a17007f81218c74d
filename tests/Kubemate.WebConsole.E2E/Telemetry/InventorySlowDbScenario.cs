using System.Text.Json.Nodes;
using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;
using Kubemate.Commands;
using Kubemate.Sandbox.Simulation.Traffic;

namespace Kubemate.WebConsole.E2E.Telemetry;

/// <summary>
/// Runs the traffic simulator's <c>inventory-slow-db</c> scenario over HTTP exactly as <c>kubemate sandbox fault
/// scenario</c> does, and on dispose clears its fault and restores the Service's timeout annotation as it was.
/// </summary>
public sealed class InventorySlowDbScenario : IAsyncDisposable
{
    public const string Name = "inventory-slow-db";

    private readonly ClusterApi _api;
    private readonly TrafficScenario _scenario;
    private readonly bool _hadTimeout;

    private InventorySlowDbScenario(ClusterApi api, TrafficScenario scenario, bool hadTimeout)
    {
        _api = api;
        _scenario = scenario;
        _hadTimeout = hadTimeout;
    }

    public static async Task<InventorySlowDbScenario> StartAsync(ClusterConnection admin)
    {
        var scenario = TrafficScenarios.Find(Name) ?? throw new InvalidOperationException($"the simulator has no scenario {Name}");
        var api = admin.CreateApi();
        var timeout = scenario.Timeout ?? throw new InvalidOperationException($"scenario {Name} sets no Service timeout");
        var service = await api.GetObjectOrNullAsync(BuiltInTypes.Service, timeout.Namespace, timeout.Service, default)
            ?? throw new InvalidOperationException($"Service {timeout.Namespace}/{timeout.Service} is missing");
        var hadTimeout = service["metadata"]?["annotations"]?[TrafficScenarios.TimeoutAnnotation] is not null;
        await new TrafficFaultClient(new ClusterFaultApi(api)).RunScenarioAsync(Name, default);
        return new InventorySlowDbScenario(api, scenario, hadTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        await new TrafficFaultClient(new ClusterFaultApi(_api)).ClearAsync(_scenario.Fault.Namespace, _scenario.Fault.Name, all: false, default);
        if (!_hadTimeout && _scenario.Timeout is { } timeout)
        {
            var patch = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [TrafficScenarios.TimeoutAnnotation] = null } } };
            await _api.MergePatchObjectAsync(BuiltInTypes.Service, timeout.Namespace, timeout.Service, patch, default);
        }
        _api.Dispose();
    }
}
