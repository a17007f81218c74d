using System.Net;
using Kubemate.Cluster.Http;
using Microsoft.AspNetCore.Http;

namespace Kubemate.Host.Problems;

/// <summary>RFC 9457 problem answers; validation problems carry <c>errors: {"field.path": ["reason"]}</c>.</summary>
public static class Problem
{
    public static IResult Validation(RequestErrors errors, int status = StatusCodes.Status400BadRequest, string title = "The request is invalid") =>
        Results.ValidationProblem(errors.ToDictionary(), title: title, statusCode: status);

    public static IResult Field(string field, string reason, int status = StatusCodes.Status400BadRequest)
    {
        var errors = new RequestErrors();
        errors.Add(field, reason);
        return Validation(errors, status, status == StatusCodes.Status404NotFound ? "Not found" : "The request is invalid");
    }

    public static IResult Of(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);

    /// <summary>What Kubernetes refused, with its reason: 403 stays 403 so RBAC denials read the same in Kubemate.</summary>
    public static IResult FromCluster(ClusterApiException error)
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
