using System.Globalization;
using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>
/// DaemonSets: one pod on every simulated node, bound to it at creation; on a template change old pods are replaced
/// at most maxUnavailable at a time (RollingUpdate) or only when deleted (OnDelete). Status carries the counts
/// <c>kubectl rollout status</c> reads.
/// </summary>
public sealed class DaemonSetController : ReconcileLoop
{
    public const string Resource = "apps/daemonsets";

    protected override IReadOnlyList<string> WatchedResources => [Resource, Workloads.PodResource];

    protected override IEnumerable<ObjectKey> KeysFor(StoreEvent storeEvent) =>
        storeEvent.Object.Key.Resource == Resource ? [storeEvent.Object.Key]
        : Owners.ControllerKey(storeEvent.Object, "DaemonSet", Resource) is { } owner ? [owner]
        : [];

    protected override void Reconcile(ObjectKey key)
    {
        var set = Store.Get(key)?.Object;
        if (set is null || Owners.IsDeleting(set) || set.At("spec", "template") is not JsonObject template)
        {
            return;
        }
        var hash = TemplateHash.Of(template, set.GetLong("status", "collisionCount") ?? 0);
        var pods = Pods(set);
        var byNode = pods.GroupBy(p => p.GetString("spec", "nodeName") ?? "").ToDictionary(g => g.Key, g => g.ToList());

        foreach (var pod in byNode.Where(g => SimulatedNodes.IndexOf(g.Key) < 0).SelectMany(g => g.Value)
                     .Concat(byNode.Where(g => SimulatedNodes.IndexOf(g.Key) >= 0).SelectMany(g => g.Value.Skip(1))))
        {
            Context.Writer.Delete(PodKey(set, pod));
        }
        foreach (var node in SimulatedNodes.Names.Where(n => !byNode.ContainsKey(n)))
        {
            Context.Writer.Create(NewPod(set, template, node, hash), Workloads.Manager);
        }
        if (set.GetString("spec", "updateStrategy", "type") != "OnDelete")
        {
            ReplaceOldPods(set, hash, byNode);
        }
        UpdateStatus(key, set, hash);
    }

    private void ReplaceOldPods(JsonObject set, string hash, Dictionary<string, List<JsonObject>> byNode)
    {
        var nodes = SimulatedNodes.Names.Count;
        var maxUnavailable = Math.Max(1, IntOrPercent.Scaled(set.At("spec", "updateStrategy", "rollingUpdate", "maxUnavailable"), nodes, roundUp: false, "1",
            "spec.updateStrategy.rollingUpdate.maxUnavailable"));
        var current = SimulatedNodes.Names.Select(n => byNode.GetValueOrDefault(n)?.FirstOrDefault()).ToList();
        var old = current.OfType<JsonObject>().Where(p => RevisionOf(p) != hash).ToList();
        foreach (var pod in old.Where(p => !PodState.IsReady(p)))
        {
            Context.Writer.Delete(PodKey(set, pod));
        }
        var unavailable = current.Count(p => p is null || !PodState.IsReady(p));
        foreach (var pod in old.Where(PodState.IsReady).Take(Math.Max(0, maxUnavailable - unavailable)))
        {
            Context.Writer.Delete(PodKey(set, pod));
        }
    }

    private static JsonObject NewPod(JsonObject set, JsonObject template, string node, string hash)
    {
        var pod = PodFactory.FromTemplate(set, template, null, set.Name() + "-", new Dictionary<string, string>
        {
            [Workloads.ControllerRevisionHashLabel] = hash,
            ["pod-template-generation"] = (set.GetLong("metadata", "generation") ?? 1).ToString(CultureInfo.InvariantCulture),
        });
        pod.Obj("spec")["nodeName"] = node;
        return pod;
    }

    private void UpdateStatus(ObjectKey key, JsonObject set, string hash)
    {
        var now = Clock.GetUtcNow();
        var minReadySeconds = set.GetLong("spec", "minReadySeconds") ?? 0;
        var pods = Pods(set).Where(p => SimulatedNodes.IndexOf(p.GetString("spec", "nodeName") ?? "") >= 0)
            .GroupBy(p => p.GetString("spec", "nodeName")).Select(g => g.First()).ToList();
        var desired = SimulatedNodes.Names.Count;
        var available = pods.Count(p => PodState.IsAvailable(p, minReadySeconds, now));
        var nextAvailable = pods.Select(p => PodState.UntilAvailable(p, minReadySeconds, now)).OfType<TimeSpan>().DefaultIfEmpty().Min();
        if (nextAvailable > TimeSpan.Zero)
        {
            EnqueueAfter(key, nextAvailable);
        }
        Context.Writer.Update(key, next =>
        {
            var status = next.Obj("status");
            status["observedGeneration"] = next.GetLong("metadata", "generation") ?? 1;
            status["desiredNumberScheduled"] = desired;
            status["currentNumberScheduled"] = pods.Count;
            status["numberMisscheduled"] = 0;
            status["numberReady"] = pods.Count(PodState.IsReady);
            status["numberAvailable"] = available;
            status["numberUnavailable"] = desired - available;
            status["updatedNumberScheduled"] = pods.Count(p => RevisionOf(p) == hash);
            return true;
        }, Workloads.Manager, "status");
    }

    private List<JsonObject> Pods(JsonObject set) =>
        Owners.Owned(Store, Workloads.PodResource, set).Select(p => p.Object).Where(PodState.IsActive)
            .OrderBy(Workloads.CreationOrder, StringComparer.Ordinal).ToList();

    private static string? RevisionOf(JsonObject pod) => pod.Labels().GetValueOrDefault(Workloads.ControllerRevisionHashLabel);

    private static ObjectKey PodKey(JsonObject set, JsonObject pod) => new(Workloads.PodResource, set.Namespace() ?? "", pod.Name());
}
