using System.Text.Json.Nodes;
using Kubemate.Model.Kube;

namespace Kubemate.Application.Onboarding;

/// <summary>Whether a workload's rollout has finished with every pod in the wanted proxy state.</summary>
internal static class RolloutProgress
{
    /// <summary>Meshed and total among the live (not terminating) pods.</summary>
    public static (int Meshed, int Total) Count(IReadOnlyList<JsonObject> pods, MeshInspector inspector)
    {
        var live = pods.Where(p => !PodOwnership.IsTerminating(p)).ToList();
        return (live.Count(inspector.IsMeshed), live.Count);
    }

    /// <summary>
    /// Done when the controller has seen the change (observedGeneration), every replica is updated and ready, no
    /// old or terminating pod is left, and every pod has (enable) or lacks (disable) the proxy.
    /// </summary>
    public static bool IsComplete(JsonObject? workload, IReadOnlyList<JsonObject> pods, long generation, bool enable, MeshInspector inspector)
    {
        if (workload is null || (KubeJson.At(workload, "status.observedGeneration")?.GetValue<long>() ?? 0) < generation)
        {
            return false;
        }
        var desired = KubeJson.Kind(workload) switch
        {
            "DaemonSet" => KubeJson.Int(workload, "status.desiredNumberScheduled") ?? 0,
            _ => KubeJson.Int(workload, "spec.replicas") ?? 1,
        };
        var rolledOut = KubeJson.Kind(workload) switch
        {
            "DaemonSet" => KubeJson.Int(workload, "status.updatedNumberScheduled") == desired && KubeJson.Int(workload, "status.numberReady") == desired,
            "StatefulSet" => Status(workload, "updatedReplicas") == desired && Status(workload, "readyReplicas") == desired
                && KubeJson.String(workload, "status.currentRevision") == KubeJson.String(workload, "status.updateRevision"),
            _ => Status(workload, "updatedReplicas") == desired && Status(workload, "readyReplicas") == desired && Status(workload, "replicas") == desired,
        };
        return rolledOut && pods.Count == desired && pods.All(p => !PodOwnership.IsTerminating(p) && inspector.IsMeshed(p) == enable);
    }

    private static int Status(JsonObject workload, string field) => KubeJson.Int(workload, "status." + field) ?? 0;
}
