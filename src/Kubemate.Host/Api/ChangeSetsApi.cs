using Kubemate.Audit;
using Kubemate.Cluster.Apply;
using Kubemate.Cluster.GitOps;
using Kubemate.Application.Caching;
using Kubemate.Application.Identity;
using Kubemate.Application;
using Kubemate.Host.Identity;
using Kubemate.Host.Limits;
using Kubemate.Host.Metrics;
using Kubemate.Host.Previews;
using Kubemate.Host.Problems;
using Kubemate.Application.Changes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace Kubemate.Host.Api;

/// <summary>Preview (server dry run with diffs) and apply of change sets, as the signed-in user; or export them for GitOps.</summary>
public static class ChangeSetsApi
{
    public static IEndpointRouteBuilder MapChangeSetsApi(this IEndpointRouteBuilder app)
    {
        var changes = app.MapGroup("/api/v1/changesets").WithTags("changesets").RequireAuthorization();
        changes.MapPost("/preview", PreviewAsync)
            .WithName("PreviewChangeSet")
            .WithSummary("Dry-run a change set ({yaml} or {objects}, optional deletes) and keep the preview for 15 minutes")
            .ProducesChangeSetFailures();
        changes.MapPost("/apply", ApplyAsync)
            .WithName("ApplyChangeSet")
            .WithSummary("Apply a preview ({previewId}) or a change set ({yaml}/{objects}); force takes fields from other managers; gitops returns YAML instead")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // With gitops: true the 200 is the change as a YAML stream instead of the apply result.
                operation.Responses!["200"].Content!["application/yaml"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                return Task.CompletedTask;
            })
            .ProducesChangeSetFailures();
        return app;
    }

    /// <summary>The problem answers of a failed dry run or apply (see <see cref="ChangeSetViews.Failure"/>).</summary>
    private static RouteHandlerBuilder ProducesChangeSetFailures(this RouteHandlerBuilder endpoint)
    {
        foreach (var status in new[] { StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity })
        {
            endpoint.Produces<ChangeSetViews.FailureProblem>(status, "application/problem+json");
        }
        return endpoint.ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    private static async Task<Results<Ok<ChangeSetViews.PreviewView>, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        ChangeSetPreviewRequest body, HttpContext context, UserClusters clusters, IAuditStore audit, PreviewStore previews, RequestLimits limits,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var parsed = ChangeSetRequest.Read(body.Yaml, body.Objects, body.Deletes, errors);
        if (parsed is null)
        {
            return Problem.Validation(errors);
        }
        if (AuditRecordSize.Refusal(parsed.ChangeSet, Context(context, clusters), limits) is { } tooLarge)
        {
            return tooLarge;
        }
        var service = Service(context, clusters, audit);
        var preview = await service.PreviewAsync(parsed.ChangeSet, null, cancellationToken);
        if (ChangeSetViews.Failure(preview.DryRun, parsed.Paths) is { } failure)
        {
            return failure;
        }
        var id = previews.Add(context.User.ToUserIdentity().Name, preview);
        return TypedResults.Ok(new ChangeSetViews.PreviewView(id, ChangeSetViews.Objects(preview.DryRun)));
    }

    private static async Task<Results<Ok<ChangeSetViews.ApplyView>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        ChangeSetApplyRequest body, HttpContext context, UserClusters clusters, IAuditStore audit, PreviewStore previews, StatusCache statuses,
        RequestLimits limits, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var previewId = body.PreviewId;
        var force = body.Force ?? false;
        var gitops = body.Gitops ?? false;
        var service = Service(context, clusters, audit);
        ChangePreview? preview = null;
        ChangeSetRequest.Parsed? parsed = null;
        if (previewId is not null)
        {
            if (body.Yaml is not null || body.Objects is not null || body.Deletes is not null)
            {
                return Problem.Field("previewId", "send either previewId or a change set (yaml, objects, deletes), not both");
            }
            preview = previews.Take(context.User.ToUserIdentity().Name, previewId);
            if (preview is null)
            {
                return Problem.Field("previewId", "unknown or expired preview (previews last 15 minutes and apply once); preview again", StatusCodes.Status404NotFound);
            }
            parsed = new ChangeSetRequest.Parsed(preview.ChangeSet, preview.ChangeSet.Changes.Select((_, i) => $"objects[{i}]").ToList());
        }
        else
        {
            parsed = ChangeSetRequest.Read(body.Yaml, body.Objects, body.Deletes, errors);
            if (parsed is null)
            {
                return Problem.Validation(errors);
            }
        }
        if (AuditRecordSize.Refusal(parsed.ChangeSet, Context(context, clusters), limits) is { } tooLarge)
        {
            return tooLarge;
        }
        if (gitops)
        {
            foreach (var (change, field, reason) in GitOpsExport.Unexportable(parsed.ChangeSet))
            {
                errors.Add($"{parsed.Paths[change]}.{field}", reason);
            }
            if (errors.Any)
            {
                return Problem.Validation(errors);
            }
            return TypedResults.Text(await service.ExportGitOpsAsync(parsed.ChangeSet, null, cancellationToken), "application/yaml");
        }
        var result = preview is not null
            ? await service.ApplyPreviewedAsync(preview, force, cancellationToken)
            : await service.ApplyAsync(parsed.ChangeSet, new ApplyOptions { Force = force }, cancellationToken);
        statuses.Invalidate();
        KubemateMetrics.RecordApply(result);
        return ChangeSetViews.Failure(result, parsed.Paths) is { } failure
            ? failure
            : TypedResults.Ok(new ChangeSetViews.ApplyView(result.Succeeded, ChangeSetViews.Objects(result)));
    }

    private static ChangeService Service(HttpContext context, UserClusters clusters, IAuditStore audit) =>
        new(clusters.For(context.User), audit, Context(context, clusters));

    private static OperationContext Context(HttpContext context, UserClusters clusters) => clusters.ContextFor(context.User, SourceAddress.Of(context));
}
