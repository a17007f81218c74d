using k8s;
using k8s.Models;
using Kubemate.Cluster.Http;

namespace Kubemate.Cluster.Access;

/// <summary>
/// Sends a SelfSubjectAccessReview with the client of <see cref="ClusterApi"/>: with an impersonating client,
/// Kubernetes RBAC answers for the impersonated user.
/// </summary>
public static class AccessReviewClient
{
    /// <summary>Whether the request is allowed (an explicit denial wins), and Kubernetes' reason; the reason may be empty.</summary>
    public static async Task<(bool Allowed, string Reason)> ReviewAsync(this ClusterApi api, ResourceAccess access, CancellationToken cancellationToken)
    {
        var review = new V1SelfSubjectAccessReview
        {
            ApiVersion = "authorization.k8s.io/v1",
            Kind = "SelfSubjectAccessReview",
            Spec = new V1SelfSubjectAccessReviewSpec
            {
                ResourceAttributes = new V1ResourceAttributes
                {
                    Verb = access.Verb,
                    Group = access.Group,
                    Resource = access.Resource,
                    NamespaceProperty = access.Namespace,
                    Name = access.Name,
                },
            },
        };
        var answer = await api.Client.AuthorizationV1.CreateSelfSubjectAccessReviewAsync(review, cancellationToken: cancellationToken).ConfigureAwait(false);
        return Read(answer.Status);
    }

    public static (bool Allowed, string Reason) Read(V1SubjectAccessReviewStatus? status) =>
        (status is { Allowed: true } && status.Denied != true, status?.Reason ?? status?.EvaluationError ?? "");
}
