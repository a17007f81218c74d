using System.Text.Json.Nodes;
using Kubemate.Model.Kube;

namespace Kubemate.Application.Onboarding;

/// <summary>
/// Which workload a pod belongs to, from its controller reference: a ReplicaSet named
/// <c>{deployment}-{pod-template-hash}</c> counts as its Deployment, as kubectl and Linkerd read it.
/// </summary>
internal static class PodOwnership
{
    public static WorkloadKey? WorkloadOf(JsonObject pod)
    {
        var controller = Controller(pod);
        if (controller is null)
        {
            return null;
        }
        var kind = KubeJson.String(controller, "kind");
        var name = KubeJson.String(controller, "name") ?? "";
        switch (kind)
        {
            case "StatefulSet" or "DaemonSet":
                return new WorkloadKey(kind, name);
            case "ReplicaSet":
                var hash = KubeJson.StringMap(KubeJson.Object(pod, "metadata.labels")).GetValueOrDefault("pod-template-hash");
                return hash is { Length: > 0 } && name.EndsWith("-" + hash, StringComparison.Ordinal)
                    ? new WorkloadKey("Deployment", name[..^(hash.Length + 1)])
                    : null;
            default:
                return null;
        }
    }

    public static bool HasController(JsonObject pod) => Controller(pod) is not null;

    public static bool IsTerminating(JsonObject pod) => KubeJson.At(pod, "metadata.deletionTimestamp") is not null;

    private static JsonObject? Controller(JsonObject pod) =>
        (KubeJson.Array(pod, "metadata.ownerReferences") ?? []).OfType<JsonObject>().FirstOrDefault(o => KubeJson.Bool(o, "controller") == true);
}
