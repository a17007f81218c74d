using System.Security.Claims;
using System.Text.Json.Nodes;
using Kubemate.Host.Identity;

namespace Kubemate.Host.Api;

/// <summary>
/// Who reads which audit records. Kubernetes decides, through the user's own rights: whoever may list events in
/// every namespace (cluster admins, the <c>view</c> role bound cluster-wide, i.e. auditors) reads the whole trail and
/// may verify it; everyone else reads only the records of their own actions.
/// </summary>
public sealed class AuditReaders(UserClusters clusters)
{
    public async Task<bool> ReadsEverythingAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var review = new JsonObject
        {
            ["apiVersion"] = "authorization.k8s.io/v1",
            ["kind"] = "SelfSubjectAccessReview",
            ["spec"] = new JsonObject
            {
                ["resourceAttributes"] = new JsonObject { ["verb"] = "list", ["resource"] = "events", ["group"] = "" },
            },
        };
        var answer = await clusters.For(user).SendAsync(HttpMethod.Post, "apis/authorization.k8s.io/v1/selfsubjectaccessreviews", review, "application/json", cancellationToken);
        return (bool?)answer["status"]?["allowed"] == true;
    }
}
