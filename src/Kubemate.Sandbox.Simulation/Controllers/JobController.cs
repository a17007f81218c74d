using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>
/// Jobs: runs up to <c>parallelism</c> pods at a time until <c>completions</c> of them have succeeded (simulated pods
/// always succeed), then records succeeded, completionTime and the SuccessCriteriaMet and Complete conditions.
/// A suspended Job creates no pods.
/// </summary>
public sealed class JobController : ReconcileLoop
{
    public const string Resource = "batch/jobs";

    protected override IReadOnlyList<string> WatchedResources => [Resource, Workloads.PodResource];

    protected override IEnumerable<ObjectKey> KeysFor(StoreEvent storeEvent) =>
        storeEvent.Object.Key.Resource == Resource ? [storeEvent.Object.Key]
        : Owners.ControllerKey(storeEvent.Object, "Job", Resource) is { } owner ? [owner]
        : [];

    protected override void Reconcile(ObjectKey key)
    {
        var job = Store.Get(key)?.Object;
        if (job is null || Owners.IsDeleting(job) || IsFinished(job) || job.At("spec", "template") is not JsonObject template)
        {
            return;
        }
        var completions = (int)(job.GetLong("spec", "completions") ?? 1);
        var parallelism = (int)(job.GetLong("spec", "parallelism") ?? 1);
        var pods = Owners.Owned(Store, Workloads.PodResource, job).Select(p => p.Object).ToList();
        var succeeded = pods.Count(p => PodState.Phase(p) == "Succeeded");
        var active = pods.Count(PodState.IsActive);
        if (job.GetBool("spec", "suspend") != true && succeeded < completions)
        {
            var missing = Math.Min(parallelism - active, completions - succeeded - active);
            for (var i = 0; i < missing; i++)
            {
                Context.Writer.Create(NewPod(job, template), Workloads.Manager);
            }
            active += Math.Max(0, missing);
        }
        var now = Workloads.Now(Clock);
        Context.Writer.Update(key, next =>
        {
            var status = next.Obj("status");
            status["startTime"] ??= now;
            status["active"] = succeeded >= completions ? 0 : active;
            status["ready"] = pods.Count(p => PodState.IsActive(p) && PodState.IsReady(p));
            status["succeeded"] = succeeded;
            status["terminating"] = 0;
            status["uncountedTerminatedPods"] ??= new JsonObject();
            if (pods.Count(p => PodState.Phase(p) == "Failed") is var failed and > 0)
            {
                status["failed"] = failed;
            }
            if (succeeded >= completions)
            {
                status["completionTime"] = now;
                Conditions.Set(status, "SuccessCriteriaMet", "True", "CompletionsReached", "Reached expected number of succeeded pods", now);
                Conditions.Set(status, "Complete", "True", "CompletionsReached", "Reached expected number of succeeded pods", now);
                SetProbeTimes(status, now);
            }
            return true;
        }, Workloads.Manager, "status");
    }

    private static bool IsFinished(JsonObject job) =>
        Conditions.Find(job["status"], "Complete")?.GetString("status") == "True"
        || Conditions.Find(job["status"], "Failed")?.GetString("status") == "True";

    private static JsonObject NewPod(JsonObject job, JsonObject template)
    {
        var uid = Owners.Uid(job);
        return PodFactory.FromTemplate(job, template, null, job.Name() + "-", new Dictionary<string, string>
        {
            ["batch.kubernetes.io/controller-uid"] = uid,
            ["batch.kubernetes.io/job-name"] = job.Name(),
            ["controller-uid"] = uid,
            ["job-name"] = job.Name(),
        });
    }

    /// <summary>Job conditions carry lastProbeTime as well, set when they are written.</summary>
    private static void SetProbeTimes(JsonObject status, string now)
    {
        foreach (var condition in (status["conditions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            condition["lastProbeTime"] ??= now;
        }
    }
}
