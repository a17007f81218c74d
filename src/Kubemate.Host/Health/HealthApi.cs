using Kubemate.Application.Identity;
using Kubemate.Host.Identity;
using Kubemate.Host.Audit;
using Kubemate.Host.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kubemate.Host.Health;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: the cluster answers Kubemate's own identity and the audit store is open.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok")).AllowAnonymous().WithTags("health").WithName("Health")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
        app.MapGet("/readyz", ReadyAsync).AllowAnonymous().WithTags("health").WithName("Ready")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> ReadyAsync(ServiceAccountCluster cluster, HostedAuditStore audit, CancellationToken cancellationToken)
    {
        if (!audit.IsOpen)
        {
            return Problem.Of(StatusCodes.Status503ServiceUnavailable, "Not ready", "the audit store is not open");
        }
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await cluster.CheckAnswersAsync(timeout.Token);
        }
        catch (Exception error) when (error is HttpRequestException or OperationCanceledException or Kubemate.Cluster.Http.ClusterApiException)
        {
            return Problem.Of(StatusCodes.Status503ServiceUnavailable, "Not ready", $"the cluster ({cluster.Connection.Description}) does not answer: {error.Message}");
        }
        return Results.Text("ok");
    }
}
