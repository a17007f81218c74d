using System.Text.Json.Nodes;
using Kubemate.Audit;
using Kubemate.Cluster.Http;
using Kubemate.Host.Identity;
using Kubemate.Host.Problems;
using Kubemate.Host.Runs;
using Kubemate.Model.Drivers;
using Kubemate.Model.Injection;
using Kubemate.Application;
using Kubemate.Application.Onboarding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Kubemate.Host.Api;

/// <summary>
/// The mesh switch of a namespace (or one workload): plan it, or run it in the background and follow its events.
/// Before answering 202 the injection change is dry-run on the server as the user, so an RBAC denial is this
/// request's 403, not a failed event later.
/// </summary>
public static class MeshApi
{
    public static IEndpointRouteBuilder MapMeshApi(this IEndpointRouteBuilder app)
    {
        var mesh = app.MapGroup("/api/v1/namespaces/{ns}/mesh").WithTags("mesh").RequireAuthorization();
        mesh.MapPost("/plan", PlanAsync)
            .WithName("PlanMesh")
            .WithSummary("What enabling/disabling the mesh would do: {enable, workload?}")
            .ProducesValidationProblem(StatusCodes.Status404NotFound);
        mesh.MapPost("", StartAsync)
            .WithName("StartMesh")
            .WithSummary("Enable or disable the mesh ({enable, workload?, maxConcurrency?}); 202 with the operation to follow")
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<Results<Ok<OnboardingPlan>, ValidationProblem, ProblemHttpResult>> PlanAsync(
        string ns, MeshPlanRequest body, HttpContext context, UserClusters clusters, IMeshDriver driver, IAuditStore audit, CancellationToken cancellationToken)
    {
        var (request, invalid, missing) = await ReadAsync(ns, body.Enable, body.Workload, null, context, clusters, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }
        if (request is null)
        {
            return missing!;
        }
        var onboarding = new MeshOnboarding(clusters.For(context.User), driver, audit, Context(context, clusters));
        return TypedResults.Ok(await onboarding.PlanAsync(request, cancellationToken));
    }

    private static async Task<Results<Accepted<MeshSwitchStarted>, ValidationProblem, ProblemHttpResult>> StartAsync(
        string ns, MeshSwitchRequest body, HttpContext context, UserClusters clusters, IMeshDriver driver, IAuditStore audit,
        OperationRegistry registry, CancellationToken cancellationToken)
    {
        var (request, invalid, missing) = await ReadAsync(ns, body.Enable, body.Workload, body.MaxConcurrency, context, clusters, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }
        if (request is null)
        {
            return missing!;
        }
        var api = clusters.For(context.User);
        var operationContext = Context(context, clusters);
        try
        {
            await DryRunInjectionAsync(api, driver, request, cancellationToken);
        }
        catch (ClusterApiException error) when (error.StatusCode == System.Net.HttpStatusCode.Forbidden)
        {
            await AuditDenialAsync(audit, operationContext, request, error);
            return Problem.FromCluster(error);
        }
        var onboarding = new MeshOnboarding(api, driver, audit, operationContext);
        var run = registry.Start(operationContext.User.Name, ns, stop => onboarding.RunAsync(request, stop));
        var eventsUrl = $"/api/v1/operations/{run.Id}/events";
        return TypedResults.Accepted($"/api/v1/operations/{run.Id}", new MeshSwitchStarted(run.Id, eventsUrl));
    }

    private static OperationContext Context(HttpContext context, UserClusters clusters) =>
        clusters.ContextFor(context.User, SourceAddress.Of(context));

    /// <summary>The request, or why not: invalid input (400) or a namespace the user cannot see (404).</summary>
    private static async Task<(OnboardingRequest? Request, ValidationProblem? Invalid, ProblemHttpResult? Missing)> ReadAsync(string ns, bool enable, string? workload, int? concurrency,
        HttpContext context, UserClusters clusters, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (!KubernetesNames.CheckLabel(ns, "namespace", errors))
        {
            return (null, Problem.Validation(errors), null);
        }
        if (workload is not null)
        {
            WorkloadName.Check(workload, "workload", errors);
        }
        if (concurrency is < 1 or > 100)
        {
            errors.Add("maxConcurrency", "must be an integer from 1 to 100");
        }
        if (errors.Any)
        {
            return (null, Problem.Validation(errors), null);
        }
        if (await clusters.For(context.User).GetOrNullAsync($"api/v1/namespaces/{ns}", cancellationToken) is null)
        {
            return (null, null, Problem.Field("namespace", $"namespace \"{ns}\" not found", StatusCodes.Status404NotFound));
        }
        var request = new OnboardingRequest(ns, enable) { Workload = workload is null ? null : WorkloadName.Normalize(workload) };
        return (concurrency is { } n ? request with { MaxConcurrency = n } : request, null, null);
    }

    /// <summary>The injection switch the run will apply, sent with dryRun=All as the user: RBAC answers now.</summary>
    private static async Task DryRunInjectionAsync(ClusterApi api, IMeshDriver driver, OnboardingRequest request, CancellationToken cancellationToken)
    {
        string path;
        InjectionTarget target;
        if (request.Workload is null)
        {
            target = InjectionTarget.ForNamespace(request.Namespace);
            path = $"api/v1/namespaces/{request.Namespace}";
        }
        else
        {
            var (kind, plural, name) = WorkloadName.Parse(request.Workload);
            target = InjectionTarget.ForWorkload(kind, name, request.Namespace);
            path = $"apis/apps/v1/namespaces/{request.Namespace}/{plural}/{name}";
        }
        JsonNode patch = driver.InjectionPatch(target, request.Enable);
        await api.SendAsync(HttpMethod.Patch, $"{path}?dryRun=All&fieldManager=kubemate&force=true", patch, ClusterApi.ApplyPatch, cancellationToken);
    }

    private static Task AuditDenialAsync(IAuditStore audit, OperationContext context, OnboardingRequest request, ClusterApiException error)
    {
        var (apiVersion, kind, ns, name) = request.Workload is null
            ? ("v1", "Namespace", (string?)null, request.Namespace)
            : ("apps/v1", WorkloadName.Parse(request.Workload).Kind, request.Namespace, WorkloadName.Parse(request.Workload).Name);
        return audit.AppendAsync(new AuditEntry
        {
            User = context.User.Name,
            Groups = context.User.Groups,
            SourceAddress = context.SourceAddress,
            Cluster = context.Cluster,
            Operation = request.Enable ? "mesh-enable" : "mesh-disable",
            Outcome = AuditOutcome.Denied,
            Objects = [new AuditObjectChange(apiVersion, kind, ns, name, "patch", "denied", error.Message)],
        });
    }
}
