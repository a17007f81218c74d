using System.Text.Json.Nodes;
using Kubemate.Cluster.Http;

namespace Kubemate.Host.Identity;

/// <summary>A SelfSubjectAccessReview sent with the user's impersonating client: Kubernetes RBAC answers whether the user may act.</summary>
internal static class AccessReview
{
    private const string Path = "apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

    /// <summary>Whether the user of <paramref name="api"/> may <paramref name="verb"/> the core-group <paramref name="resource"/>, in <paramref name="ns"/> or (null) in every namespace.</summary>
    public static async Task<bool> AllowsAsync(ClusterApi api, string verb, string resource, string? ns, CancellationToken cancellationToken)
    {
        var attributes = new JsonObject { ["verb"] = verb, ["group"] = "", ["resource"] = resource };
        if (ns is not null)
        {
            attributes["namespace"] = ns;
        }
        var review = new JsonObject
        {
            ["apiVersion"] = "authorization.k8s.io/v1",
            ["kind"] = "SelfSubjectAccessReview",
            ["spec"] = new JsonObject { ["resourceAttributes"] = attributes },
        };
        var answer = await api.SendAsync(HttpMethod.Post, Path, review, null, cancellationToken).ConfigureAwait(false);
        var status = answer["status"] as JsonObject;
        return status?["allowed"]?.GetValue<bool>() == true && status["denied"]?.GetValue<bool>() != true;
    }
}
