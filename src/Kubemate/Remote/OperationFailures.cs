using System.Net;

namespace Kubemate.Remote;

/// <summary>How an HTTP refusal reads to the CLI, from the cluster or the server alike.</summary>
public static class OperationFailures
{
    /// <summary>400/422 invalid, 401/403 denied, anything else failed.</summary>
    public static OperationFailure ForStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => OperationFailure.Invalid,
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => OperationFailure.Denied,
        _ => OperationFailure.Failed,
    };
}
