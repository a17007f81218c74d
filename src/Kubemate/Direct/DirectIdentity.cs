using System.Text.Json.Nodes;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Identity;

namespace Kubemate.Direct;

/// <summary>
/// Who the cluster sees for direct commands: the user of the kubeconfig's own credentials, as a SelfSubjectReview
/// reports it (what <c>kubectl auth whoami</c> asks); the kubeconfig's user entry name when the server has no such API.
/// </summary>
public static class DirectIdentity
{
    public static async Task<UserIdentity> ReviewAsync(ClusterApi api, string fallbackName, CancellationToken cancellationToken)
    {
        var review = new JsonObject { ["apiVersion"] = "authentication.k8s.io/v1", ["kind"] = "SelfSubjectReview" };
        try
        {
            var answer = await api.SendAsync(HttpMethod.Post, "apis/authentication.k8s.io/v1/selfsubjectreviews", review, "application/json", cancellationToken).ConfigureAwait(false);
            var userInfo = answer["status"]?["userInfo"];
            if ((string?)userInfo?["username"] is { Length: > 0 } name)
            {
                var groups = (userInfo["groups"] as JsonArray ?? []).Select(g => (string?)g).OfType<string>().ToList();
                return new UserIdentity(name, groups);
            }
        }
        catch (ClusterApiException error) when (error.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Forbidden)
        {
        }
        return new UserIdentity(fallbackName);
    }
}
