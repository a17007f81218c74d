using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Cluster.Http;
using Kubemate.Model.Kube;

namespace Kubemate.Application.Onboarding;

/// <summary>Restarts one workload and follows it until every pod has (or lacks) the proxy, emitting its events.</summary>
internal sealed class WorkloadRollout(ClusterApi api, MeshInspector inspector, RolloutTracker tracker, EventStream events, TimeProvider time)
{
    public const string RestartedAtAnnotation = "kubectl.kubernetes.io/restartedAt";

    /// <summary>Returns the audit status (<c>done</c>, <c>failed</c>, <c>denied</c>) and a message.</summary>
    public async Task<(string Status, string Message)> RunAsync(OnboardingRequest request, PlannedRestart restart, bool templateChanged, CancellationToken ct)
    {
        var key = new WorkloadKey(restart.Kind, restart.Name);
        var last = (Meshed: restart.MeshedPods, Total: restart.Pods);
        try
        {
            events.Emit(OnboardingEventType.Restarting, key, restart.MeshedPods, restart.Pods, templateChanged ? "rolling out the changed pod template" : "restarting");
            var generation = await StartAsync(request.Namespace, key, templateChanged, ct).ConfigureAwait(false);
            var deadline = time.GetUtcNow() + request.RolloutTimeout;
            var reported = (Meshed: -1, Total: -1);
            while (true)
            {
                var next = tracker.NextChange(key);
                var (workload, pods) = tracker.State(key);
                last = RolloutProgress.Count(pods, inspector);
                if (last != reported)
                {
                    reported = last;
                    events.Emit(OnboardingEventType.Progress, key, last.Meshed, last.Total, null);
                }
                if (RolloutProgress.IsComplete(workload, pods, generation, request.Enable, inspector))
                {
                    var message = $"{last.Meshed}/{last.Total} pods meshed";
                    events.Emit(OnboardingEventType.WorkloadDone, key, last.Meshed, last.Total, message);
                    return ("done", message);
                }
                var remaining = deadline - time.GetUtcNow();
                if (remaining <= TimeSpan.Zero)
                {
                    throw new TimeoutException();
                }
                await next.WaitAsync(remaining, time, ct).ConfigureAwait(false);
            }
        }
        catch (TimeoutException)
        {
            var message = $"the rollout did not finish within {request.RolloutTimeout}: {last.Meshed}/{last.Total} pods meshed";
            events.Emit(OnboardingEventType.WorkloadFailed, key, last.Meshed, last.Total, message);
            return ("failed", message);
        }
        catch (ClusterApiException error)
        {
            var message = $"{error.Reason}: {error.Message}";
            events.Emit(OnboardingEventType.WorkloadFailed, key, last.Meshed, last.Total, message);
            return (error.StatusCode == HttpStatusCode.Forbidden ? "denied" : "failed", message);
        }
    }

    /// <summary>
    /// Restarts as <c>kubectl rollout restart</c> does, by a merge patch of the restartedAt template annotation
    /// (not server-side apply: that annotation is often owned by kubectl, and apply would conflict). Returns the
    /// generation the controller must observe.
    /// </summary>
    private async Task<long> StartAsync(string ns, WorkloadKey key, bool templateChanged, CancellationToken ct)
    {
        JsonObject workload;
        if (templateChanged)
        {
            workload = await api.SendAsync(HttpMethod.Get, key.ObjectPath(ns), null, null, ct).ConfigureAwait(false);
        }
        else
        {
            // Sub-second precision, so two restarts in one second still change the template.
            var now = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
            var patch = new JsonObject
            {
                ["spec"] = new JsonObject { ["template"] = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [RestartedAtAnnotation] = now } } } },
            };
            workload = await api.SendAsync(HttpMethod.Patch, key.ObjectPath(ns) + "?fieldManager=kubemate", patch, ClusterApi.MergePatch, ct).ConfigureAwait(false);
        }
        return KubeJson.At(workload, "metadata.generation")?.GetValue<long>() ?? 1;
    }
}
