using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>
/// What <c>kubemate sandbox fault</c> does, through the Kubernetes API like kubectl: apply a TrafficFault (server-side
/// apply, field manager <c>kubemate</c>), run a named scenario, list and delete faults.
/// </summary>
public sealed class TrafficFaultClient(IFaultApi api)
{
    public const string FieldManager = "kubemate";

    /// <summary>Applies <paramref name="fault"/> after checking it and that its workload exists; returns what was applied.</summary>
    /// <exception cref="FaultInputException">the fault is invalid or its workload does not exist.</exception>
    public async Task<JsonObject> SetAsync(TrafficFault fault, CancellationToken cancellationToken)
    {
        if (fault.Problems() is { Count: > 0 } problems)
        {
            throw new FaultInputException(string.Join("; ", problems));
        }
        if (!await WorkloadExistsAsync(fault.Namespace, fault.Workload, cancellationToken))
        {
            throw new FaultInputException($"spec.workload: Not found: no Deployment or StatefulSet \"{fault.Workload}\" in namespace \"{fault.Namespace}\"");
        }
        return await api.ApplyAsync(FaultResource.TrafficFault, fault.Namespace, fault.Name, fault.ToObject(), cancellationToken);
    }

    /// <summary>Runs a named scenario; returns one line per change it made.</summary>
    /// <exception cref="FaultInputException">unknown scenario, or the cluster lacks what the scenario needs.</exception>
    public async Task<IReadOnlyList<string>> RunScenarioAsync(string name, CancellationToken cancellationToken)
    {
        var scenario = TrafficScenarios.Find(name)
            ?? throw new FaultInputException($"scenario: Unsupported value: \"{name}\": supported values: {string.Join(", ", TrafficScenarios.All.Select(s => s.Name))}");
        var fault = scenario.Fault;
        if (scenario.RequiredDeployment is { } required
            && await api.GetOrNullAsync(FaultResource.Deployment, fault.Namespace, required, cancellationToken) is null)
        {
            throw new FaultInputException(
                $"scenario {name}: there is no canary: Deployment {fault.Namespace}/{required} (pods labelled app={fault.Workload}, version={fault.Version}) does not exist; create the canary first");
        }
        var lines = new List<string>();
        await SetAsync(fault, cancellationToken);
        lines.Add($"trafficfault {fault.Namespace}/{fault.Name} applied: {scenario.Description}");
        if (scenario.Timeout is { } timeout)
        {
            var service = await api.GetOrNullAsync(FaultResource.Service, timeout.Namespace, timeout.Service, cancellationToken)
                ?? throw new FaultInputException($"scenario {name}: Service {timeout.Namespace}/{timeout.Service} does not exist");
            if (service.Annotations().TryGetValue(TrafficScenarios.TimeoutAnnotation, out var existing))
            {
                lines.Add($"service {timeout.Namespace}/{timeout.Service} keeps its {TrafficScenarios.TimeoutAnnotation}: {existing}");
            }
            else
            {
                var patch = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [TrafficScenarios.TimeoutAnnotation] = timeout.Timeout } } };
                await api.MergePatchAsync(FaultResource.Service, timeout.Namespace, timeout.Service, patch, cancellationToken);
                lines.Add($"service {timeout.Namespace}/{timeout.Service} annotated {TrafficScenarios.TimeoutAnnotation}: {timeout.Timeout}");
            }
        }
        return lines;
    }

    /// <summary>The faults of one namespace, or of all namespaces when <paramref name="ns"/> is null.</summary>
    public async Task<IReadOnlyList<JsonObject>> ListAsync(string? ns, CancellationToken cancellationToken)
    {
        var list = await api.ListAsync(FaultResource.TrafficFault, ns, cancellationToken);
        return list
            .OrderBy(i => i.Namespace(), StringComparer.Ordinal).ThenBy(i => i.Name(), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Deletes one fault by name, or all (of a namespace, or everywhere); returns the deleted <c>namespace/name</c>s.</summary>
    /// <exception cref="FaultInputException">neither a name nor all was asked for, or both; or the named fault does not exist.</exception>
    public async Task<IReadOnlyList<string>> ClearAsync(string? ns, string? name, bool all, CancellationToken cancellationToken)
    {
        if ((name is null) == !all)
        {
            throw new FaultInputException("--name, --all: give exactly one: a fault's name, or --all");
        }
        var targets = name is not null
            ? [(ns ?? "default", name)]
            : (await ListAsync(ns, cancellationToken)).Select(f => (f.Namespace() ?? "", f.Name())).ToList();
        var deleted = new List<string>();
        foreach (var (faultNamespace, faultName) in targets)
        {
            if (name is not null && await api.GetOrNullAsync(FaultResource.TrafficFault, faultNamespace, faultName, cancellationToken) is null)
            {
                throw new FaultInputException($"--name: Not found: no trafficfault \"{faultName}\" in namespace \"{faultNamespace}\"");
            }
            await api.DeleteAsync(FaultResource.TrafficFault, faultNamespace, faultName, cancellationToken);
            deleted.Add($"{faultNamespace}/{faultName}");
        }
        return deleted;
    }

    private async Task<bool> WorkloadExistsAsync(string ns, string workload, CancellationToken cancellationToken) =>
        await api.GetOrNullAsync(FaultResource.Deployment, ns, workload, cancellationToken) is not null
        || await api.GetOrNullAsync(FaultResource.StatefulSet, ns, workload, cancellationToken) is not null;
}
