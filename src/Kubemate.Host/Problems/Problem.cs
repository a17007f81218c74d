using System.Net;
using Kubemate.Cluster.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kubemate.Host.Problems;

/// <summary>
/// RFC 9457 problem answers; validation problems carry <c>errors: {"field.path": ["reason"]}</c>. A 400 is a typed
/// <see cref="ValidationProblem"/>; every other status is a <see cref="ProblemHttpResult"/>, declared on its endpoint
/// with <c>ProducesProblem</c> or <c>ProducesValidationProblem</c>.
/// </summary>
public static class Problem
{
    public static ValidationProblem Validation(RequestErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "The request is invalid");

    /// <summary>A validation problem with another status (404 naming the missing thing, 403 naming the refused namespace).</summary>
    public static ProblemHttpResult Validation(RequestErrors errors, int status, string title) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary()) { Status = status, Title = title });

    public static ValidationProblem Field(string field, string reason)
    {
        var errors = new RequestErrors();
        errors.Add(field, reason);
        return Validation(errors);
    }

    public static ProblemHttpResult Field(string field, string reason, int status)
    {
        var errors = new RequestErrors();
        errors.Add(field, reason);
        return Validation(errors, status, status == StatusCodes.Status404NotFound ? "Not found" : "The request is invalid");
    }

    public static ProblemHttpResult Of(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);

    /// <summary>What Kubernetes refused, with its reason: 403 stays 403 so RBAC denials read the same in Kubemate.</summary>
    public static ProblemHttpResult FromCluster(ClusterApiException error)
    {
        var status = error.StatusCode switch
        {
            HttpStatusCode.Forbidden => StatusCodes.Status403Forbidden,
            HttpStatusCode.NotFound => StatusCodes.Status404NotFound,
            HttpStatusCode.Conflict => StatusCodes.Status409Conflict,
            HttpStatusCode.UnprocessableEntity => StatusCodes.Status422UnprocessableEntity,
            HttpStatusCode.BadRequest => StatusCodes.Status400BadRequest,
            HttpStatusCode.Unauthorized => StatusCodes.Status502BadGateway,
            _ => StatusCodes.Status502BadGateway,
        };
        var extensions = new Dictionary<string, object?> { ["reason"] = error.Reason };
        if (error.Causes.Count > 0)
        {
            extensions["errors"] = error.Causes
                .GroupBy(c => string.IsNullOrEmpty(c.Field) ? "object" : c.Field)
                .ToDictionary(g => g.Key, g => g.Select(c => c.Message).ToArray());
        }
        return Of(status, status == StatusCodes.Status502BadGateway ? "The cluster failed the request" : $"Kubernetes: {error.Reason}", error.Message, extensions);
    }
}
