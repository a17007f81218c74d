using System.Text.Json.Nodes;
using Kubemate.Sandbox.Api;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>
/// The scheduler and the kubelets of the simulated nodes: binds each new pod to the least busy node, gives it a
/// pod IP, keeps it Pending for <see cref="SimulationOptions.PodStartDelay"/>, then reports it Running with every
/// container ready. Run-to-completion pods (restartPolicy Never/OnFailure) succeed after
/// <see cref="SimulationOptions.RunToCompletionDuration"/>.
/// </summary>
public sealed class PodLifecycleController(SimulationOptions options) : ReconcileLoop
{
    private readonly PodAddressPool _addresses = new();
    private readonly Dictionary<ObjectKey, DateTimeOffset> _pendingSince = [];
    private readonly Dictionary<ObjectKey, DateTimeOffset> _runningSince = [];

    protected override IReadOnlyList<string> WatchedResources => [Workloads.PodResource];

    protected override void OnStarting()
    {
        foreach (var pod in Store.List(Workloads.PodResource).Items)
        {
            if (pod.Object.GetString("status", "podIP") is { } ip)
            {
                _addresses.Reserve(ip);
            }
        }
    }

    protected override IEnumerable<ObjectKey> KeysFor(StoreEvent storeEvent)
    {
        if (storeEvent.Type == StoreEventType.Deleted && storeEvent.Object.Object.GetString("status", "podIP") is { } ip)
        {
            _addresses.Release(ip);
        }
        return [storeEvent.Object.Key];
    }

    protected override void Reconcile(ObjectKey key)
    {
        var pod = Store.Get(key)?.Object;
        if (pod is null)
        {
            _pendingSince.Remove(key);
            _runningSince.Remove(key);
            return;
        }
        if (Owners.IsDeleting(pod) || PodState.Phase(pod) is "Succeeded" or "Failed")
        {
            return;
        }
        if (pod.GetString("spec", "nodeName") is not { Length: > 0 } node)
        {
            Bind(key);
            return;
        }
        if (pod.GetString("status", "podIP") is not { } podIp)
        {
            Start(key, pod, node);
            return;
        }
        var now = Clock.GetUtcNow();
        var hostIp = pod.GetString("status", "hostIP") ?? SimulatedNodes.HostIp(node);
        var startTime = pod.GetString("status", "startTime") ?? Workloads.Now(Clock);
        if (PodState.Phase(pod) == "Pending")
        {
            var since = PendingSince(key, now);
            if (now - since < options.PodStartDelay)
            {
                EnqueueAfter(key, options.PodStartDelay - (now - since));
                return;
            }
            WriteStatus(key, PodStatusBuilder.Running(pod, hostIp, podIp, startTime, Workloads.Now(Clock)));
            _pendingSince.Remove(key);
            _runningSince[key] = now;
            if (RunsToCompletion(pod))
            {
                EnqueueAfter(key, options.RunToCompletionDuration);
            }
            return;
        }
        if (PodState.Phase(pod) == "Running" && RunsToCompletion(pod))
        {
            var since = _runningSince.TryGetValue(key, out var running) ? running : _runningSince[key] = now;
            if (now - since < options.RunToCompletionDuration)
            {
                EnqueueAfter(key, options.RunToCompletionDuration - (now - since));
                return;
            }
            var runningSince = PodState.ReadySince(pod) is { } ready ? ObjectLifecycle.Timestamp(ready) : startTime;
            WriteStatus(key, PodStatusBuilder.Succeeded(pod, hostIp, podIp, startTime, runningSince, Workloads.Now(Clock)));
            _runningSince.Remove(key);
        }
    }

    private DateTimeOffset PendingSince(ObjectKey key, DateTimeOffset now)
    {
        if (!_pendingSince.TryGetValue(key, out var since))
        {
            since = _pendingSince[key] = now;
        }
        return since;
    }

    private void Bind(ObjectKey key)
    {
        var load = SimulatedNodes.Names.ToDictionary(n => n, _ => 0);
        foreach (var item in Store.List(Workloads.PodResource).Items)
        {
            if (item.Object.GetString("spec", "nodeName") is { } assigned && load.ContainsKey(assigned) && PodState.IsActive(item.Object))
            {
                load[assigned]++;
            }
        }
        var node = load.OrderBy(p => p.Value).ThenBy(p => SimulatedNodes.IndexOf(p.Key)).First().Key;
        Context.Writer.Update(key, next =>
        {
            if (next.GetString("spec", "nodeName") is { Length: > 0 })
            {
                return false;
            }
            next.Obj("spec")["nodeName"] = node;
            return true;
        }, "kube-scheduler");
    }

    private void Start(ObjectKey key, JsonObject pod, string node)
    {
        var podIp = pod.GetBool("spec", "hostNetwork") == true ? SimulatedNodes.HostIp(node) : _addresses.Allocate(node);
        var written = false;
        try
        {
            var status = PodStatusBuilder.Pending(pod, SimulatedNodes.HostIp(node), podIp, Workloads.Now(Clock));
            written = WriteStatus(key, status);
        }
        finally
        {
            if (!written)
            {
                _addresses.Release(podIp);
            }
        }
        PendingSince(key, Clock.GetUtcNow());
        EnqueueAfter(key, options.PodStartDelay);
    }

    private bool WriteStatus(ObjectKey key, JsonObject status) =>
        Context.Writer.Update(key, next =>
        {
            if (Owners.IsDeleting(next) || PodState.Phase(next) is "Succeeded" or "Failed")
            {
                return false;
            }
            next["status"] = status;
            return true;
        }, "kubelet", "status") is not null;

    private static bool RunsToCompletion(JsonObject pod) => pod.GetString("spec", "restartPolicy") is "Never" or "OnFailure";
}
