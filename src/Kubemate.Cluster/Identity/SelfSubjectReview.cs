using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Cluster.Http;

namespace Kubemate.Cluster.Identity;

/// <summary>Who the cluster sees behind a client's credentials, as <c>kubectl auth whoami</c> asks.</summary>
public static class SelfSubjectReview
{
    /// <summary>The user and groups, or null when the server has no SelfSubjectReview API or refuses it.</summary>
    public static async Task<UserIdentity?> ReviewAsync(ClusterApi api, CancellationToken cancellationToken)
    {
        var review = new JsonObject { ["apiVersion"] = "authentication.k8s.io/v1", ["kind"] = "SelfSubjectReview" };
        try
        {
            var answer = await api.SendAsync(HttpMethod.Post, "apis/authentication.k8s.io/v1/selfsubjectreviews", review, "application/json", cancellationToken).ConfigureAwait(false);
            var userInfo = answer["status"]?["userInfo"];
            if ((string?)userInfo?["username"] is not { Length: > 0 } name)
            {
                return null;
            }
            var groups = (userInfo["groups"] as JsonArray ?? []).Select(g => (string?)g).OfType<string>().ToList();
            return new UserIdentity(name, groups);
        }
        catch (ClusterApiException error) when (error.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            return null;
        }
    }
}
