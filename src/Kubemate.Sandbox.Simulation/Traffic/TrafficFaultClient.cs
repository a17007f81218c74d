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
    private const string ApplyPatch = "application/apply-patch+yaml";
    private const string MergePatch = "application/merge-patch+json";

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
        return await api.SendAsync(HttpMethod.Patch, $"{Collection(fault.Namespace)}/{fault.Name}?fieldManager={FieldManager}&force=true",
            fault.ToObject(), ApplyPatch, cancellationToken);
    }

    /// <summary>Runs a named scenario; returns one line per change it made.</summary>
    /// <exception cref="FaultInputException">unknown scenario, or the cluster lacks what the scenario needs.</exception>
    public async Task<IReadOnlyList<string>> RunScenarioAsync(string name, CancellationToken cancellationToken)
    {
        var scenario = TrafficScenarios.Find(name)
            ?? throw new FaultInputException($"scenario: Unsupported value: \"{name}\": supported values: {string.Join(", ", TrafficScenarios.All.Select(s => s.Name))}");
        var fault = scenario.Fault;
        if (scenario.RequiredDeployment is { } required
            && await api.GetOrNullAsync($"/apis/apps/v1/namespaces/{fault.Namespace}/deployments/{required}", cancellationToken) is null)
        {
            throw new FaultInputException(
                $"scenario {name}: there is no canary: Deployment {fault.Namespace}/{required} (pods labelled app={fault.Workload}, version={fault.Version}) does not exist; create the canary first");
        }
        var lines = new List<string>();
        await SetAsync(fault, cancellationToken);
        lines.Add($"trafficfault {fault.Namespace}/{fault.Name} applied: {scenario.Description}");
        if (scenario.Timeout is { } timeout)
        {
            var path = $"/api/v1/namespaces/{timeout.Namespace}/services/{timeout.Service}";
            var service = await api.GetOrNullAsync(path, cancellationToken)
                ?? throw new FaultInputException($"scenario {name}: Service {timeout.Namespace}/{timeout.Service} does not exist");
            if (service.Annotations().TryGetValue(TrafficScenarios.TimeoutAnnotation, out var existing))
            {
                lines.Add($"service {timeout.Namespace}/{timeout.Service} keeps its {TrafficScenarios.TimeoutAnnotation}: {existing}");
            }
            else
            {
                var patch = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [TrafficScenarios.TimeoutAnnotation] = timeout.Timeout } } };
                await api.SendAsync(HttpMethod.Patch, path + $"?fieldManager={FieldManager}", patch, MergePatch, cancellationToken);
                lines.Add($"service {timeout.Namespace}/{timeout.Service} annotated {TrafficScenarios.TimeoutAnnotation}: {timeout.Timeout}");
            }
        }
        return lines;
    }

    /// <summary>The faults of one namespace, or of all namespaces when <paramref name="ns"/> is null.</summary>
    public async Task<IReadOnlyList<JsonObject>> ListAsync(string? ns, CancellationToken cancellationToken)
    {
        var path = ns is null ? $"/apis/{TrafficFaultCrd.ApiVersion}/{TrafficFaultCrd.Plural}" : Collection(ns);
        var list = await api.SendAsync(HttpMethod.Get, path, null, null, cancellationToken);
        return (list["items"] as JsonArray ?? []).OfType<JsonObject>()
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
            var path = $"{Collection(faultNamespace)}/{faultName}";
            if (name is not null && await api.GetOrNullAsync(path, cancellationToken) is null)
            {
                throw new FaultInputException($"--name: Not found: no trafficfault \"{faultName}\" in namespace \"{faultNamespace}\"");
            }
            await api.SendAsync(HttpMethod.Delete, path, null, null, cancellationToken);
            deleted.Add($"{faultNamespace}/{faultName}");
        }
        return deleted;
    }

    private static string Collection(string ns) => $"/apis/{TrafficFaultCrd.ApiVersion}/namespaces/{ns}/{TrafficFaultCrd.Plural}";

    private async Task<bool> WorkloadExistsAsync(string ns, string workload, CancellationToken cancellationToken) =>
        await api.GetOrNullAsync($"/apis/apps/v1/namespaces/{ns}/deployments/{workload}", cancellationToken) is not null
        || await api.GetOrNullAsync($"/apis/apps/v1/namespaces/{ns}/statefulsets/{workload}", cancellationToken) is not null;
}
