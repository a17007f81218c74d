using System.Globalization;
using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>
/// StatefulSets: pods <c>&lt;name&gt;-0..n-1</c> with stable hostnames, created in order (each waits for the one before
/// to be ready unless podManagementPolicy is Parallel), removed from the highest ordinal down, and replaced in
/// reverse ordinal order when the template changes (RollingUpdate, honouring partition; OnDelete leaves pods be).
/// Revisions are <c>&lt;name&gt;-&lt;hash&gt;</c> in the <c>controller-revision-hash</c> label and in status.
/// </summary>
public sealed class StatefulSetController : ReconcileLoop
{
    public const string Resource = "apps/statefulsets";

    protected override IReadOnlyList<string> WatchedResources => [Resource, Workloads.PodResource];

    protected override IEnumerable<ObjectKey> KeysFor(StoreEvent storeEvent) =>
        storeEvent.Object.Key.Resource == Resource ? [storeEvent.Object.Key]
        : Owners.ControllerKey(storeEvent.Object, "StatefulSet", Resource) is { } owner ? [owner]
        : [];

    protected override void Reconcile(ObjectKey key)
    {
        var set = Store.Get(key)?.Object;
        if (set is null || Owners.IsDeleting(set) || set.At("spec", "template") is not JsonObject template)
        {
            return;
        }
        var desired = (int)(set.GetLong("spec", "replicas") ?? 1);
        var parallel = set.GetString("spec", "podManagementPolicy") == "Parallel";
        var updateRevision = $"{set.Name()}-{TemplateHash.Of(template, set.GetLong("status", "collisionCount") ?? 0)}";
        var pods = PodsByOrdinal(set);
        Step(set, template, desired, parallel, updateRevision, pods);
        UpdateStatus(key, set, desired, updateRevision);
    }

    private void Step(JsonObject set, JsonObject template, int desired, bool parallel, string updateRevision, SortedDictionary<int, JsonObject> pods)
    {
        for (var ordinal = 0; ordinal < desired; ordinal++)
        {
            if (!pods.TryGetValue(ordinal, out var pod))
            {
                Context.Writer.Create(NewPod(set, template, ordinal, updateRevision), Workloads.Manager);
                if (!parallel)
                {
                    return;
                }
            }
            else if (!parallel && !PodState.IsReady(pod))
            {
                return;
            }
        }
        var surplus = pods.Keys.Where(o => o >= desired).OrderDescending().ToList();
        foreach (var ordinal in parallel ? surplus : surplus.Take(1))
        {
            Context.Writer.Delete(PodKey(set, pods[ordinal]));
        }
        if (surplus.Count > 0 || set.GetString("spec", "updateStrategy", "type") == "OnDelete")
        {
            return;
        }
        if (pods.Where(p => p.Key < desired).Any(p => !PodState.IsReady(p.Value)))
        {
            return;
        }
        var partition = (int)(set.GetLong("spec", "updateStrategy", "rollingUpdate", "partition") ?? 0);
        for (var ordinal = desired - 1; ordinal >= partition; ordinal--)
        {
            if (pods.TryGetValue(ordinal, out var pod) && RevisionOf(pod) != updateRevision)
            {
                Context.Writer.Delete(PodKey(set, pod));
                return;
            }
        }
    }

    private static JsonObject NewPod(JsonObject set, JsonObject template, int ordinal, string revision)
    {
        var name = $"{set.Name()}-{ordinal.ToString(CultureInfo.InvariantCulture)}";
        var pod = PodFactory.FromTemplate(set, template, name, null, new Dictionary<string, string>
        {
            [Workloads.ControllerRevisionHashLabel] = revision,
            ["statefulset.kubernetes.io/pod-name"] = name,
            ["apps.kubernetes.io/pod-index"] = ordinal.ToString(CultureInfo.InvariantCulture),
        });
        var spec = pod.Obj("spec");
        spec["hostname"] = name;
        if (set.GetString("spec", "serviceName") is { Length: > 0 } serviceName)
        {
            spec["subdomain"] = serviceName;
        }
        foreach (var claim in (set.At("spec", "volumeClaimTemplates") as JsonArray ?? []).OfType<JsonObject>())
        {
            var claimName = claim.Name();
            if (spec["volumes"] is not JsonArray volumes)
            {
                volumes = [];
                spec["volumes"] = volumes;
            }
            if (volumes.OfType<JsonObject>().All(v => v.GetString("name") != claimName))
            {
                volumes.Add(new JsonObject
                {
                    ["name"] = claimName,
                    ["persistentVolumeClaim"] = new JsonObject { ["claimName"] = $"{claimName}-{name}" },
                });
            }
        }
        return pod;
    }

    private SortedDictionary<int, JsonObject> PodsByOrdinal(JsonObject set)
    {
        var prefix = set.Name() + "-";
        var pods = new SortedDictionary<int, JsonObject>();
        foreach (var pod in Owners.Owned(Store, Workloads.PodResource, set).Select(p => p.Object).Where(PodState.IsActive))
        {
            var name = pod.Name();
            if (name.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal))
            {
                pods[ordinal] = pod;
            }
        }
        return pods;
    }

    private void UpdateStatus(ObjectKey key, JsonObject set, int desired, string updateRevision)
    {
        var now = Clock.GetUtcNow();
        var minReadySeconds = set.GetLong("spec", "minReadySeconds") ?? 0;
        var pods = PodsByOrdinal(set).Values.ToList();
        var updated = pods.Count(p => RevisionOf(p) == updateRevision);
        var currentRevision = set.GetString("status", "currentRevision") ?? updateRevision;
        if (updated == desired && pods.Count == desired)
        {
            currentRevision = updateRevision;
        }
        var nextAvailable = pods.Select(p => PodState.UntilAvailable(p, minReadySeconds, now)).OfType<TimeSpan>().DefaultIfEmpty().Min();
        if (nextAvailable > TimeSpan.Zero)
        {
            EnqueueAfter(key, nextAvailable);
        }
        Context.Writer.Update(key, next =>
        {
            var status = next.Obj("status");
            status["observedGeneration"] = next.GetLong("metadata", "generation") ?? 1;
            status["replicas"] = pods.Count;
            status["readyReplicas"] = pods.Count(PodState.IsReady);
            status["availableReplicas"] = pods.Count(p => PodState.IsAvailable(p, minReadySeconds, now));
            status["currentReplicas"] = pods.Count(p => RevisionOf(p) == currentRevision);
            status["updatedReplicas"] = updated;
            status["currentRevision"] = currentRevision;
            status["updateRevision"] = updateRevision;
            status["collisionCount"] = next.GetLong("status", "collisionCount") ?? 0;
            return true;
        }, Workloads.Manager, "status");
    }

    private static string? RevisionOf(JsonObject pod) => pod.Labels().GetValueOrDefault(Workloads.ControllerRevisionHashLabel);

    private static ObjectKey PodKey(JsonObject set, JsonObject pod) => new(Workloads.PodResource, set.Namespace() ?? "", pod.Name());
}
