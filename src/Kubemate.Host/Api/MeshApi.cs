using Kubemate.Application;
using Kubemate.Application.Identity;
using Kubemate.Application.Namespaces;
using Kubemate.Application.Onboarding;
using Kubemate.Application.Runs;
using Kubemate.Cluster.Http;
using Kubemate.Host.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Kubemate.Host.Api;

/// <summary>
/// The mesh switch of a namespace (or one workload), over the application's <see cref="MeshSwitch"/>: plan it, or
/// run it in the background and follow its events. The switch is checked as the user before answering 202, so an
/// RBAC denial or a missing workload is this request's 403 or 404, not a failed event later.
/// </summary>
public static class MeshApi
{
    public static IEndpointRouteBuilder MapMeshApi(this IEndpointRouteBuilder app)
    {
        var mesh = app.MapGroup("/api/v1/namespaces/{ns}/mesh").WithTags("mesh").RequireAuthorization();
        mesh.MapPost("/plan", PlanAsync)
            .WithName("PlanMesh")
            .WithSummary("What enabling/disabling the mesh would do: {enable, workload?}")
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        mesh.MapPost("", StartAsync)
            .WithName("StartMesh")
            .WithSummary("Enable or disable the mesh ({enable, workload?, maxConcurrency?}); 202 with the operation to follow")
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<Results<Ok<OnboardingPlan>, ValidationProblem, ProblemHttpResult>> PlanAsync(
        string ns, MeshPlanRequest body, HttpContext context, UserClusters clusters, MeshSwitch mesh, CancellationToken cancellationToken)
    {
        var (request, invalid) = Read(ns, body.Enable, body.Workload, null);
        if (request is null)
        {
            return invalid!;
        }
        try
        {
            return TypedResults.Ok(await mesh.PlanAsync(Context(context, clusters), request, cancellationToken));
        }
        catch (NamespaceNotFoundException missing)
        {
            return NotFound(missing);
        }
        catch (ClusterApiException error)
        {
            return Problem.FromCluster(error);
        }
    }

    private static async Task<Results<Accepted<MeshSwitchStarted>, ValidationProblem, ProblemHttpResult>> StartAsync(
        string ns, MeshSwitchRequest body, HttpContext context, UserClusters clusters, MeshSwitch mesh, CancellationToken cancellationToken)
    {
        var (request, invalid) = Read(ns, body.Enable, body.Workload, body.MaxConcurrency);
        if (request is null)
        {
            return invalid!;
        }
        OperationRun run;
        try
        {
            run = await mesh.StartAsync(Context(context, clusters), request, cancellationToken);
        }
        catch (NamespaceNotFoundException missing)
        {
            return NotFound(missing);
        }
        catch (ClusterApiException error)
        {
            return Problem.FromCluster(error);
        }
        var eventsUrl = $"/api/v1/operations/{run.Id}/events";
        return TypedResults.Accepted($"/api/v1/operations/{run.Id}", new MeshSwitchStarted(run.Id, eventsUrl));
    }

    private static OperationContext Context(HttpContext context, UserClusters clusters) =>
        clusters.ContextFor(context.User, SourceAddress.Of(context));

    private static ProblemHttpResult NotFound(NamespaceNotFoundException missing) =>
        Problem.Field("namespace", missing.Message, StatusCodes.Status404NotFound);

    /// <summary>The request, or why not (400 naming the field).</summary>
    private static (OnboardingRequest? Request, ValidationProblem? Invalid) Read(string ns, bool enable, string? workload, int? concurrency)
    {
        var errors = new RequestErrors();
        KubernetesNames.CheckLabel(ns, "namespace", errors);
        WorkloadKey? key = null;
        if (workload is not null)
        {
            if (!WorkloadKey.TryParse(workload, out key, out var reason))
            {
                errors.Add("workload", reason);
            }
            else
            {
                KubernetesNames.CheckSubdomain(key.Name, "workload", errors);
            }
        }
        if (concurrency is < 1 or > 100)
        {
            errors.Add("maxConcurrency", "must be an integer from 1 to 100");
        }
        if (errors.Any)
        {
            return (null, Problem.Validation(errors));
        }
        var request = new OnboardingRequest(ns, enable) { Workload = key?.ToString() };
        return (concurrency is { } n ? request with { MaxConcurrency = n } : request, null);
    }
}
