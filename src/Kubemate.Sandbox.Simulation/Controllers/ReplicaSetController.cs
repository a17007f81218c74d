using System.Text.Json.Nodes;
using Kubemate.Sandbox.Api;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>
/// Keeps each ReplicaSet's number of pods at <c>spec.replicas</c>: creates pods named <c>&lt;rs&gt;-&lt;5 chars&gt;</c>
/// from the template, deletes the least useful ones first when there are too many, and reports the counts in status.
/// </summary>
public sealed class ReplicaSetController : ReconcileLoop
{
    public const string Resource = "apps/replicasets";

    protected override IReadOnlyList<string> WatchedResources => [Resource, Workloads.PodResource];

    protected override IEnumerable<ObjectKey> KeysFor(StoreEvent storeEvent)
    {
        if (storeEvent.Object.Key.Resource == Resource)
        {
            return [storeEvent.Object.Key];
        }
        return Owners.ControllerKey(storeEvent.Object, "ReplicaSet", Resource) is { } owner ? [owner] : [];
    }

    protected override void Reconcile(ObjectKey key)
    {
        var replicaSet = Store.Get(key)?.Object;
        if (replicaSet is null || Owners.IsDeleting(replicaSet))
        {
            return;
        }
        var desired = (int)(replicaSet.GetLong("spec", "replicas") ?? 1);
        var pods = ActivePods(replicaSet);
        if (pods.Count < desired && replicaSet.At("spec", "template") is JsonObject template)
        {
            for (var i = pods.Count; i < desired; i++)
            {
                Context.Writer.Create(PodFactory.FromTemplate(replicaSet, template, null, replicaSet.Name() + "-"));
            }
        }
        else if (pods.Count > desired)
        {
            foreach (var pod in DeletionOrder(pods).Take(pods.Count - desired))
            {
                Context.Writer.Delete(new ObjectKey(Workloads.PodResource, key.Namespace, pod.Name()));
            }
        }
        UpdateStatus(key, replicaSet);
    }

    private List<JsonObject> ActivePods(JsonObject replicaSet) =>
        Owners.Owned(Store, Workloads.PodResource, replicaSet).Select(p => p.Object).Where(PodState.IsActive).ToList();

    /// <summary>Unscheduled before scheduled, pending before running, not ready before ready, newest first.</summary>
    private static IEnumerable<JsonObject> DeletionOrder(IEnumerable<JsonObject> pods) =>
        pods.OrderBy(p => p.GetString("spec", "nodeName") is null ? 0 : 1)
            .ThenBy(p => PodState.Phase(p) == "Pending" ? 0 : 1)
            .ThenBy(p => PodState.IsReady(p) ? 1 : 0)
            .ThenByDescending(p => p.GetString("metadata", "creationTimestamp"), StringComparer.Ordinal)
            .ThenByDescending(p => p.Name(), StringComparer.Ordinal);

    private void UpdateStatus(ObjectKey key, JsonObject replicaSet)
    {
        var now = Clock.GetUtcNow();
        var minReadySeconds = replicaSet.GetLong("spec", "minReadySeconds") ?? 0;
        var pods = ActivePods(replicaSet);
        var ready = pods.Count(PodState.IsReady);
        var available = pods.Count(p => PodState.IsAvailable(p, minReadySeconds, now));
        var nextAvailable = pods.Select(p => PodState.UntilAvailable(p, minReadySeconds, now)).OfType<TimeSpan>().DefaultIfEmpty().Min();
        if (nextAvailable > TimeSpan.Zero)
        {
            EnqueueAfter(key, nextAvailable);
        }
        Context.Writer.Update(key, next =>
        {
            var status = next.Obj("status");
            status["replicas"] = pods.Count;
            status["fullyLabeledReplicas"] = pods.Count;
            status["readyReplicas"] = ready;
            status["availableReplicas"] = available;
            status["observedGeneration"] = next.GetLong("metadata", "generation") ?? 1;
            return true;
        }, Workloads.Manager, "status");
    }
}
