using System.Net;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;
using Kubemate.Model.Kube;

namespace Kubemate.Application.Onboarding;

/// <summary>Restarts one workload and follows it until every pod has (or lacks) the proxy, emitting its events.</summary>
internal sealed class WorkloadRollout(ClusterApi api, MeshInspector inspector, RolloutTracker tracker, EventStream events, TimeProvider time)
{
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
    /// Restarts as <c>kubectl rollout restart</c> does (<see cref="RolloutRestart"/>), or reads the workload whose
    /// changed template already rolls. Returns the generation the controller must observe.
    /// </summary>
    private async Task<long> StartAsync(string ns, WorkloadKey key, bool templateChanged, CancellationToken ct)
    {
        var workload = templateChanged
            ? await api.GetObjectAsync(key.ResourceType(), ns, key.Name, ct).ConfigureAwait(false)
            : await api.RestartAsync(key.ResourceType(), ns, key.Name, time.GetUtcNow(), ct).ConfigureAwait(false);
        return KubeJson.At(workload, "metadata.generation")?.GetValue<long>() ?? 1;
    }
}
