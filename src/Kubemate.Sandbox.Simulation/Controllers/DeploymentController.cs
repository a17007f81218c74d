using System.Globalization;
using System.Text.Json.Nodes;
using Kubemate.Sandbox.Admission.BuiltIn;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>
/// Deployments as kube-controller-manager runs them: one ReplicaSet per pod template (<c>&lt;deploy&gt;-&lt;hash&gt;</c>),
/// rolling updates bounded by maxSurge/maxUnavailable or Recreate, revisions, history cleanup, and the status
/// fields and conditions <c>kubectl rollout status</c> reads. Each reconcile takes one step; the ReplicaSets'
/// status changes bring the next one.
/// </summary>
public sealed class DeploymentController : ReconcileLoop
{
    public const string Resource = "apps/deployments";
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    public const string DesiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas";
    public const string MaxReplicasAnnotation = "deployment.kubernetes.io/max-replicas";

    protected override IReadOnlyList<string> WatchedResources => [Resource, ReplicaSetController.Resource];

    protected override IEnumerable<ObjectKey> KeysFor(StoreEvent storeEvent) =>
        storeEvent.Object.Key.Resource == Resource ? [storeEvent.Object.Key]
        : Owners.ControllerKey(storeEvent.Object, "Deployment", Resource) is { } owner ? [owner]
        : [];

    protected override void Reconcile(ObjectKey key)
    {
        var deployment = Store.Get(key)?.Object;
        if (deployment is null || Owners.IsDeleting(deployment))
        {
            return;
        }
        if (WorkloadRules.Validate("Deployment", deployment).Count > 0)
        {
            return; // stored before validation refused such objects: rolling it out would create ReplicaSets without end
        }
        var plan = DeploymentPlan.Of(deployment);
        var replicaSets = OwnedReplicaSets(deployment);
        var newReplicaSet = FindNew(deployment, replicaSets);
        var created = false;
        if (!plan.Paused)
        {
            if (plan.Recreate)
            {
                created = RolloutRecreate(deployment, plan, ref newReplicaSet, replicaSets);
            }
            else
            {
                created = RolloutRolling(deployment, plan, ref newReplicaSet, replicaSets);
            }
        }
        if (newReplicaSet is not null)
        {
            SyncRevision(key, deployment, newReplicaSet, replicaSets);
        }
        CleanUpHistory(deployment, plan, newReplicaSet);
        UpdateStatus(key, deployment, plan, created);
    }

    private List<JsonObject> OwnedReplicaSets(JsonObject deployment) =>
        Owners.Owned(Store, ReplicaSetController.Resource, deployment)
            .Select(s => s.Object)
            .Where(rs => !Owners.IsDeleting(rs))
            .OrderBy(Workloads.CreationOrder, StringComparer.Ordinal)
            .ToList();

    private static JsonObject? FindNew(JsonObject deployment, List<JsonObject> replicaSets) =>
        replicaSets.FirstOrDefault(rs => TemplatesMatch(rs, deployment));

    /// <summary>Equal pod templates, ignoring the pod-template-hash label the ReplicaSet adds (e.g. after <c>kubectl rollout undo</c>).</summary>
    private static bool TemplatesMatch(JsonObject replicaSet, JsonObject deployment)
    {
        if (replicaSet.At("spec", "template")?.DeepClone() is not JsonObject template)
        {
            return false;
        }
        if (template.At("metadata", "labels") is JsonObject labels)
        {
            labels.Remove(Workloads.PodTemplateHashLabel);
        }
        return TemplateHash.Equivalent(template, deployment.At("spec", "template"));
    }

    private bool RolloutRolling(JsonObject deployment, DeploymentPlan plan, ref JsonObject? newReplicaSet, List<JsonObject> replicaSets)
    {
        var current = newReplicaSet;
        var old = replicaSets.Where(rs => rs != current).ToList();
        var created = false;
        if (newReplicaSet is null)
        {
            var total = old.Sum(Replicas);
            var initial = Math.Max(0, Math.Min(plan.Desired + plan.MaxSurge - total, plan.Desired));
            newReplicaSet = CreateReplicaSet(deployment, plan, old, initial);
            if (newReplicaSet is null)
            {
                return false;
            }
            created = true;
            replicaSets.Add(newReplicaSet);
            if (initial > 0)
            {
                return true;
            }
        }

        // Scale the new ReplicaSet up (within maxSurge) or down to the desired count.
        var newReplicas = Replicas(newReplicaSet);
        if (newReplicas > plan.Desired)
        {
            Scale(newReplicaSet, plan.Desired, plan);
            return created;
        }
        if (newReplicas < plan.Desired)
        {
            // Pods an old ReplicaSet has not removed yet still count against the surge.
            var room = plan.Desired + plan.MaxSurge - replicaSets.Sum(rs => Math.Max(Replicas(rs), CurrentPods(rs)));
            var target = newReplicas + Math.Max(0, Math.Min(room, plan.Desired - newReplicas));
            if (target != newReplicas)
            {
                Scale(newReplicaSet, target, plan);
                return created;
            }
        }
        ScaleDownOld(plan, newReplicaSet, old);
        return created;
    }

    /// <summary>Old ReplicaSets shrink while enough pods stay available: first their unhealthy pods, then healthy ones.</summary>
    private void ScaleDownOld(DeploymentPlan plan, JsonObject newReplicaSet, List<JsonObject> old)
    {
        var replicas = old.ToDictionary(rs => rs, Replicas);
        if (replicas.Values.Sum() == 0)
        {
            return;
        }
        var minAvailable = plan.Desired - plan.MaxUnavailable;
        var allPods = replicas.Values.Sum() + Replicas(newReplicaSet);
        var newUnavailable = Replicas(newReplicaSet) - Available(newReplicaSet);
        var maxScaledDown = allPods - minAvailable - newUnavailable;
        if (maxScaledDown <= 0)
        {
            return;
        }
        var scaledDown = 0;
        foreach (var rs in old)
        {
            if (scaledDown >= maxScaledDown)
            {
                break;
            }
            var unhealthy = replicas[rs] - Math.Min(Available(rs), replicas[rs]);
            if (unhealthy <= 0)
            {
                continue;
            }
            var count = Math.Min(maxScaledDown - scaledDown, unhealthy);
            replicas[rs] -= count;
            scaledDown += count;
        }
        var available = Available(newReplicaSet) + old.Sum(rs => Math.Min(Available(rs), replicas[rs]));
        var excess = available - minAvailable;
        foreach (var rs in old)
        {
            if (excess <= 0)
            {
                break;
            }
            var count = Math.Min(replicas[rs], excess);
            replicas[rs] -= count;
            excess -= count;
        }
        foreach (var rs in old.Where(rs => replicas[rs] != Replicas(rs)))
        {
            Scale(rs, replicas[rs], plan);
        }
    }

    /// <summary>Recreate: old ReplicaSets to zero, wait until their pods are gone, then the new one at full size.</summary>
    private bool RolloutRecreate(JsonObject deployment, DeploymentPlan plan, ref JsonObject? newReplicaSet, List<JsonObject> replicaSets)
    {
        var current = newReplicaSet;
        var old = replicaSets.Where(rs => rs != current).ToList();
        var scaling = old.Where(rs => Replicas(rs) > 0).ToList();
        foreach (var rs in scaling)
        {
            Scale(rs, 0, plan);
        }
        if (scaling.Count > 0 || old.Any(rs => Owners.Owned(Store, Workloads.PodResource, rs).Any(p => PodState.IsActive(p.Object))))
        {
            return false;
        }
        if (newReplicaSet is null)
        {
            newReplicaSet = CreateReplicaSet(deployment, plan, old, plan.Desired);
            return newReplicaSet is not null;
        }
        if (Replicas(newReplicaSet) != plan.Desired)
        {
            Scale(newReplicaSet, plan.Desired, plan);
        }
        return false;
    }

    private JsonObject? CreateReplicaSet(JsonObject deployment, DeploymentPlan plan, List<JsonObject> old, int replicas)
    {
        var replicaSet = NewReplicaSet.For(deployment, plan, MaxRevision(old) + 1, replicas);
        try
        {
            return Context.Writer.Create(replicaSet, Workloads.Manager).Object;
        }
        catch (AlreadyExistsException)
        {
            // Another template hashed to the same name: count the collision so the next attempt gets a new name.
            Context.Writer.Update(new ObjectKey(Resource, deployment.Namespace() ?? "", deployment.Name()), next =>
            {
                next.Obj("status")["collisionCount"] = (next.GetLong("status", "collisionCount") ?? 0) + 1;
                return true;
            }, Workloads.Manager, "status");
            return null;
        }
    }

    private void Scale(JsonObject replicaSet, int replicas, DeploymentPlan plan) =>
        Context.Writer.Update(KeyOf(replicaSet), next =>
        {
            next.Obj("spec")["replicas"] = replicas;
            var annotations = next.Metadata().Obj("annotations");
            annotations[DesiredReplicasAnnotation] = Text(plan.Desired);
            annotations[MaxReplicasAnnotation] = Text(plan.Desired + plan.MaxSurge);
            return true;
        }, Workloads.Manager);

    /// <summary>The new ReplicaSet carries the highest revision (a rollback re-uses an old one and renumbers it); the Deployment mirrors it.</summary>
    private void SyncRevision(ObjectKey key, JsonObject deployment, JsonObject newReplicaSet, List<JsonObject> replicaSets)
    {
        var maxOld = MaxRevision(replicaSets.Where(rs => rs.Name() != newReplicaSet.Name()));
        var revision = Revision(newReplicaSet);
        if (revision <= maxOld)
        {
            revision = maxOld + 1;
            var previous = revision;
            Context.Writer.Update(KeyOf(newReplicaSet), next =>
            {
                next.Metadata().Obj("annotations")[RevisionAnnotation] = Text(previous);
                return true;
            }, Workloads.Manager);
        }
        if (deployment.Annotations().GetValueOrDefault(RevisionAnnotation) != Text(revision))
        {
            Context.Writer.Update(key, next =>
            {
                next.Metadata().Obj("annotations")[RevisionAnnotation] = Text(revision);
                return true;
            }, Workloads.Manager);
        }
    }

    /// <summary>Deletes the oldest scaled-down ReplicaSets beyond revisionHistoryLimit.</summary>
    private void CleanUpHistory(JsonObject deployment, DeploymentPlan plan, JsonObject? newReplicaSet)
    {
        var idle = OwnedReplicaSets(deployment)
            .Where(rs => rs.Name() != newReplicaSet?.Name() && Replicas(rs) == 0 && (rs.GetLong("status", "replicas") ?? 0) == 0)
            .OrderBy(Revision)
            .ToList();
        foreach (var rs in idle.Take(Math.Max(0, idle.Count - plan.RevisionHistoryLimit)))
        {
            Context.Writer.Delete(KeyOf(rs));
        }
    }

    private void UpdateStatus(ObjectKey key, JsonObject deployment, DeploymentPlan plan, bool createdNew)
    {
        var replicaSets = OwnedReplicaSets(deployment);
        var now = Workloads.Now(Clock);
        Context.Writer.Update(key, next =>
        {
            DeploymentStatus.Apply(next, plan, replicaSets, FindNew(deployment, replicaSets), createdNew, now);
            return true;
        }, Workloads.Manager, "status");
    }

    private static ObjectKey KeyOf(JsonObject replicaSet) => new(ReplicaSetController.Resource, replicaSet.Namespace() ?? "", replicaSet.Name());

    private static int Replicas(JsonObject replicaSet) => DeploymentStatus.Replicas(replicaSet);

    private static int Available(JsonObject replicaSet) => DeploymentStatus.Available(replicaSet);

    private static int CurrentPods(JsonObject replicaSet) => (int)(replicaSet.GetLong("status", "replicas") ?? 0);

    private static long Revision(JsonObject replicaSet) =>
        long.TryParse(replicaSet.Annotations().GetValueOrDefault(RevisionAnnotation), NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : 0;

    private static long MaxRevision(IEnumerable<JsonObject> replicaSets) => replicaSets.Select(Revision).DefaultIfEmpty(0).Max();

    internal static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
