using System.Globalization;
using System.Text.Json.Nodes;
using Kubemate.Sandbox.Api;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Simulation.Controllers;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>
/// The kubelet's side of a <c>crashLoop</c> fault, on the simulator's tick time: a running pod the fault selects
/// crashes at once and again whenever its back-off has passed (10 s, doubling, at most 5 min, as the kubelet's
/// default); meanwhile its application containers wait in <c>CrashLoopBackOff</c> and the pod is not ready. A pod in
/// that state that no crash-loop fault selects any more starts again and becomes ready. Every change is a status
/// update through the cluster writer, so watchers and controllers see it like any other pod status.
/// </summary>
public sealed class CrashLoops
{
    public const string Reason = "CrashLoopBackOff";

    private static readonly TimeSpan FirstBackOff = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromMinutes(5);
    private static readonly HashSet<string> ProxyContainers = ["linkerd-proxy", "istio-proxy"];

    private readonly Dictionary<string, (int Crashes, TimeSpan NextCrash)> _loops = [];
    private TimeSpan _now;

    /// <summary>Advances the tick time and writes what changed; true when a pod's status was written.</summary>
    public bool Advance(ClusterView view, TimeSpan elapsed, ClusterWriter writer, TimeProvider clock, string manager)
    {
        _now += elapsed;
        var faults = view.Faults.Where(f => f.CrashLoop).ToList();
        var written = false;
        foreach (var pod in view.AllPods)
        {
            if (!PodState.IsActive(pod.Object))
            {
                continue;
            }
            var key = new ObjectKey(ClusterView.Pods, pod.Namespace, pod.Name);
            var looping = IsCrashLooping(pod.Object);
            if (faults.Any(f => ClusterView.Selects(f, pod)))
            {
                if (PodState.Phase(pod.Object) != "Running")
                {
                    continue;
                }
                if (looping && !_loops.ContainsKey(pod.Uid))
                {
                    // Found looping (the sandbox restarted on its data): the back-off starts again.
                    _loops[pod.Uid] = (1, _now + FirstBackOff);
                    continue;
                }
                var crashes = _loops.TryGetValue(pod.Uid, out var state) ? state.Crashes : 0;
                if (crashes > 0 && _now < state.NextCrash)
                {
                    continue;
                }
                var backOff = BackOff(crashes + 1);
                _loops[pod.Uid] = (crashes + 1, _now + backOff);
                written |= writer.Update(key, next => Crash(next, Workloads.Now(clock), backOff), manager, "status") is not null;
            }
            else if (looping)
            {
                _loops.Remove(pod.Uid);
                written |= writer.Update(key, next => Recover(next, Workloads.Now(clock)), manager, "status") is not null;
            }
        }
        var live = view.AllPods.Select(p => p.Uid).ToHashSet();
        foreach (var gone in _loops.Keys.Where(uid => !live.Contains(uid)).ToList())
        {
            _loops.Remove(gone);
        }
        return written;
    }

    /// <summary>Whether a container of the pod waits in CrashLoopBackOff.</summary>
    public static bool IsCrashLooping(JsonObject pod) =>
        ContainerStatuses(pod).Any(s => s.GetString("state", "waiting", "reason") == Reason);

    private static TimeSpan BackOff(int crash) =>
        TimeSpan.FromSeconds(Math.Min(FirstBackOff.TotalSeconds * Math.Pow(2, crash - 1), MaxBackOff.TotalSeconds));

    private static bool Crash(JsonObject pod, string now, TimeSpan backOff)
    {
        if (PodState.Phase(pod) != "Running")
        {
            return false;
        }
        var uid = pod.GetString("metadata", "uid") ?? "";
        var crashing = CrashingContainers(pod);
        foreach (var status in crashing)
        {
            var name = status.GetString("name") ?? "";
            status["restartCount"] = (status.GetLong("restartCount") ?? 0) + 1;
            status["lastState"] = new JsonObject
            {
                ["terminated"] = new JsonObject
                {
                    ["exitCode"] = 1,
                    ["reason"] = "Error",
                    ["startedAt"] = status.GetString("state", "running", "startedAt") ?? now,
                    ["finishedAt"] = now,
                    ["containerID"] = status.GetString("containerID"),
                },
            };
            var seconds = ((long)backOff.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            status["state"] = new JsonObject
            {
                ["waiting"] = new JsonObject
                {
                    ["reason"] = Reason,
                    ["message"] = $"back-off {seconds}s restarting failed container={name} pod={pod.Name()}_{pod.Namespace()}({uid})",
                },
            };
            status["ready"] = false;
            status["started"] = false;
        }
        var unready = string.Join(" ", ContainerStatuses(pod).Where(s => s.GetBool("ready") != true).Select(s => s.GetString("name")));
        SetReadiness(pod, "False", now, "ContainersNotReady", $"containers with unready status: [{unready}]");
        return crashing.Count > 0;
    }

    private static bool Recover(JsonObject pod, string now)
    {
        var uid = pod.GetString("metadata", "uid") ?? "";
        var waiting = ContainerStatuses(pod).Where(s => s.GetString("state", "waiting", "reason") == Reason).ToList();
        foreach (var status in waiting)
        {
            var name = status.GetString("name") ?? "";
            status["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = now } };
            status["ready"] = true;
            status["started"] = true;
            status["containerID"] = ContainerImages.ContainerId(uid, name, status.GetLong("restartCount") ?? 0);
        }
        if (ContainerStatuses(pod).All(s => s.GetBool("ready") == true))
        {
            SetReadiness(pod, "True", now, null, null);
        }
        return waiting.Count > 0;
    }

    /// <summary>The application containers (the mesh proxies keep running), or all when the pod has only proxies.</summary>
    private static List<JsonObject> CrashingContainers(JsonObject pod)
    {
        var statuses = ContainerStatuses(pod);
        var application = statuses.Where(s => !ProxyContainers.Contains(s.GetString("name") ?? "")).ToList();
        return application.Count > 0 ? application : statuses;
    }

    private static List<JsonObject> ContainerStatuses(JsonObject pod) =>
        (pod.At("status", "containerStatuses") as JsonArray ?? []).OfType<JsonObject>().ToList();

    /// <summary>Sets the Ready and ContainersReady conditions, moving their transition time only when they change.</summary>
    private static void SetReadiness(JsonObject pod, string value, string now, string? reason, string? message)
    {
        foreach (var condition in (pod.At("status", "conditions") as JsonArray ?? []).OfType<JsonObject>()
                     .Where(c => c.GetString("type") is "Ready" or "ContainersReady"))
        {
            if (condition.GetString("status") != value)
            {
                condition["lastTransitionTime"] = now;
            }
            condition["status"] = value;
            condition.Remove("reason");
            condition.Remove("message");
            if (reason is not null)
            {
                condition["reason"] = reason;
                condition["message"] = message;
            }
        }
    }
}
