using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Kubemate.Application.Canary.Resource;
using Kubemate.Application.Canary.StateMachine;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;

namespace Kubemate.Application.Canary.Controller;

/// <summary>A Kubernetes Event on the release for each transition (<c>kubectl describe canary</c> shows them); a rollback or failure is a Warning.</summary>
public static class ReleaseEvents
{
    public const string Component = "kubemate-canary-controller";

    public static async Task RecordAsync(ClusterApi api, CanaryReleaseObject release, IReadOnlyList<ReleaseTransition> transitions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var transition in transitions)
        {
            try
            {
                await api.CreateObjectAsync(BuiltInTypes.Event, release.Namespace, Event(release, transition, now), cancellationToken).ConfigureAwait(false);
            }
            catch (ClusterApiException)
            {
                // Events are a courtesy: the status and the audit trail hold the transition whatever happens here.
            }
        }
    }

    public static JsonObject Event(CanaryReleaseObject release, ReleaseTransition transition, DateTimeOffset now)
    {
        var time = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject
            {
                ["name"] = $"{release.Name}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}",
                ["namespace"] = release.Namespace,
            },
            ["involvedObject"] = new JsonObject
            {
                ["apiVersion"] = CanaryReleaseCrd.ApiVersion,
                ["kind"] = CanaryReleaseCrd.Kind,
                ["namespace"] = release.Namespace,
                ["name"] = release.Name,
                ["uid"] = release.Uid,
            },
            ["reason"] = transition.Reason,
            ["message"] = transition.From == transition.To ? transition.Message : $"{transition.From} -> {transition.To}: {transition.Message}",
            ["type"] = transition.To is ReleasePhase.RolledBack or ReleasePhase.Failed ? "Warning" : "Normal",
            ["source"] = new JsonObject { ["component"] = Component },
            ["firstTimestamp"] = time,
            ["lastTimestamp"] = time,
            ["count"] = 1,
        };
    }
}
