using System.Globalization;
using System.Text.Json.Nodes;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;

namespace Kubemate.Cluster.Objects;

/// <summary>Restarts a pod controller's pods as <c>kubectl rollout restart</c> does.</summary>
public static class RolloutRestart
{
    public const string RestartedAtAnnotation = "kubectl.kubernetes.io/restartedAt";

    /// <summary>
    /// A merge patch of the restartedAt template annotation (not server-side apply: that annotation is often owned by
    /// kubectl, and apply would conflict). Returns the workload as changed, whose generation the controller must observe.
    /// </summary>
    public static Task<JsonObject> RestartAsync(this ClusterApi api, ResourceType workload, string ns, string name, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Sub-second precision, so two restarts in one second still change the template.
        var stamp = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var patch = new JsonObject
        {
            ["spec"] = new JsonObject { ["template"] = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [RestartedAtAnnotation] = stamp } } } },
        };
        return api.MergePatchObjectAsync(workload, ns, name, patch, cancellationToken);
    }
}
