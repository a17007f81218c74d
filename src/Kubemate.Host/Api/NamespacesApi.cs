using Kubemate.Application.Identity;
using Kubemate.Application.Namespaces;
using Kubemate.Application.Onboarding;
using Kubemate.Host.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Kubemate.Host.Api;

/// <summary>Namespaces with their mesh status, as far as the signed-in user may see them (<see cref="NamespaceStatuses"/>).</summary>
public static class NamespacesApi
{
    public static IEndpointRouteBuilder MapNamespacesApi(this IEndpointRouteBuilder app)
    {
        var namespaces = app.MapGroup("/api/v1/namespaces").WithTags("namespaces").RequireAuthorization();
        namespaces.MapGet("", ListAsync).WithName("ListNamespaces")
            .WithSummary("Every namespace the user may list, with injection switch and meshed/total pods");
        namespaces.MapGet("/{ns}/mesh", GetAsync).WithName("GetNamespaceMesh")
            .WithSummary("One namespace's mesh status, per workload")
            .ProducesValidationProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>The namespaces whose mesh status the user may read (those Kubernetes refuses are left out here; the console lists them as denied).</summary>
    private static async Task<Ok<IReadOnlyList<NamespaceMeshStatus>>> ListAsync(HttpContext context, NamespaceStatuses statuses, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<NamespaceMeshStatus>>((await statuses.ListAsync(context.User.ToUserIdentity(), cancellationToken))
            .Where(v => v.Status is not null).Select(v => v.Status!).ToList());

    private static async Task<Results<Ok<NamespaceMeshStatus>, ValidationProblem, ProblemHttpResult>> GetAsync(string ns, HttpContext context, NamespaceStatuses statuses,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (!KubernetesNames.CheckLabel(ns, "namespace", errors))
        {
            return Problem.Validation(errors);
        }
        return await statuses.GetAsync(context.User.ToUserIdentity(), ns, cancellationToken) is { } status
            ? TypedResults.Ok(status)
            : Problem.Field("namespace", $"namespace \"{ns}\" not found", StatusCodes.Status404NotFound);
    }
}
