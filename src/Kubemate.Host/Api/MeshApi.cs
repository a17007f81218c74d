using System.Text.Json.Nodes;
using Kubemate.Audit;
using Kubemate.Cluster.Http;
using Kubemate.Application.Identity;
using Kubemate.Host.Identity;
using Kubemate.Host.Problems;
using Kubemate.Application.Runs;
using Kubemate.Model.Drivers;
using Kubemate.Model.Injection;
using Kubemate.Application;
using Kubemate.Application.Onboarding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kubemate.Host.Api;

/// <summary>
/// The mesh switch of a namespace (or one workload): plan it, or run it in the background and follow its events.
/// Before answering 202 the injection change is dry-run on the server as the user, so an RBAC denial is this
/// request's 403, not a failed event later.
/// </summary>
public static class MeshApi
{
    public sealed record Started(string OperationId, string EventsUrl);

    public static IEndpointRouteBuilder MapMeshApi(this IEndpointRouteBuilder app)
    {
        var mesh = app.MapGroup("/api/v1/namespaces/{ns}/mesh").WithTags("mesh").RequireAuthorization();
        mesh.MapPost("/plan", PlanAsync).WithSummary("What enabling/disabling the mesh would do: {enable, workload?}");
        mesh.MapPost("", StartAsync).WithSummary("Enable or disable the mesh ({enable, workload?, maxConcurrency?}); 202 with the operation to follow");
        return app;
    }

    private static async Task<IResult> PlanAsync(string ns, HttpContext context, UserClusters clusters, MeshSwitch mesh, CancellationToken cancellationToken)
    {
        var (request, problem) = await ReadAsync(ns, context, clusters, withConcurrency: false, cancellationToken);
        if (request is null)
        {
            return problem!;
        }
        return Results.Ok(await mesh.PlanAsync(Context(context, clusters), request, cancellationToken));
    }

    private static async Task<IResult> StartAsync(string ns, HttpContext context, UserClusters clusters, MeshSwitch mesh, CancellationToken cancellationToken)
    {
        var (request, problem) = await ReadAsync(ns, context, clusters, withConcurrency: true, cancellationToken);
        if (request is null)
        {
            return problem!;
        }
        OperationRun run;
        try
        {
            run = await mesh.StartAsync(Context(context, clusters), request, cancellationToken);
        }
        catch (ClusterApiException error)
        {
            return Problem.FromCluster(error);
        }
        var eventsUrl = $"/api/v1/operations/{run.Id}/events";
        return Results.Accepted($"/api/v1/operations/{run.Id}", new Started(run.Id, eventsUrl));
    }

    private static OperationContext Context(HttpContext context, UserClusters clusters) =>
        clusters.ContextFor(context.User, SourceAddress.Of(context));

    private static async Task<(OnboardingRequest? Request, IResult? Problem)> ReadAsync(string ns, HttpContext context, UserClusters clusters,
        bool withConcurrency, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (!KubernetesNames.CheckLabel(ns, "namespace", errors))
        {
            return (null, Problem.Validation(errors));
        }
        var (body, problem) = await JsonBody.ReadObjectAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return (null, problem);
        }
        JsonBody.OnlyKnown(body, errors, withConcurrency ? ["enable", "workload", "maxConcurrency"] : ["enable", "workload"]);
        var enable = JsonBody.Bool(body, "enable", errors);
        if (enable is null && body["enable"] is null)
        {
            errors.Add("enable", "is required (true to mesh, false to unmesh)");
        }
        var workload = JsonBody.String(body, "workload", errors);
        if (workload is not null)
        {
            if (!WorkloadKey.TryParse(workload, out var key, out var reason))
            {
                errors.Add("workload", reason);
            }
            else
            {
                KubernetesNames.CheckSubdomain(key.Name, "workload", errors);
            }
        }
        var concurrency = withConcurrency ? JsonBody.Int(body, "maxConcurrency", errors, 1, 100) : null;
        if (errors.Any)
        {
            return (null, Problem.Validation(errors));
        }
        if (await clusters.For(context.User).GetOrNullAsync($"api/v1/namespaces/{ns}", cancellationToken) is null)
        {
            return (null, Problem.Field("namespace", $"namespace \"{ns}\" not found", StatusCodes.Status404NotFound));
        }
        var request = new OnboardingRequest(ns, enable!.Value) { Workload = workload is null ? null : WorkloadKey.Parse(workload, "workload").ToString() };
        return (concurrency is { } n ? request with { MaxConcurrency = n } : request, null);
    }
}
