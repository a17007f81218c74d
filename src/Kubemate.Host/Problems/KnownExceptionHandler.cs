using Kubemate.Audit.Validation;
using Kubemate.Cluster.Http;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kubemate.Host.Problems;

/// <summary>
/// Turns the exceptions a handler can meet into problem details: Kubernetes' refusals keep their status and
/// reason, an unreachable cluster is 502, bad input 400. Anything else is a 500 without a stack trace.
/// </summary>
internal sealed class KnownExceptionHandler(ILogger<KnownExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        IResult? result = exception switch
        {
            ClusterApiException error => Problem.FromCluster(error),
            AuditValidationException error => Problem.Validation(Errors(error)),
            HttpRequestException error => Problem.Of(StatusCodes.Status502BadGateway, "The cluster cannot be reached", error.Message),
            BadHttpRequestException error => BindingFailure.From(context, error),
            ArgumentException error => Problem.Of(StatusCodes.Status400BadRequest, "The request is invalid", error.Message),
            _ => null,
        };
        if (result is null)
        {
            logger.LogError(exception, "unhandled error in {Method} {Path}", context.Request.Method, context.Request.Path);
            return false;
        }
        await result.ExecuteAsync(context);
        return true;
    }

    private static RequestErrors Errors(AuditValidationException error)
    {
        var errors = new RequestErrors();
        foreach (var e in error.Errors)
        {
            errors.Add(e.Path, e.Reason);
        }
        return errors;
    }
}
