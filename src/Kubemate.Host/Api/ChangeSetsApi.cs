using Kubemate.Audit;
using Kubemate.Cluster.Apply;
using Kubemate.Application.Caching;
using Kubemate.Application.Identity;
using Kubemate.Host.Identity;
using Kubemate.Host.Metrics;
using Kubemate.Host.Previews;
using Kubemate.Host.Problems;
using Kubemate.Application.Changes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kubemate.Host.Api;

/// <summary>Preview (server dry run with diffs) and apply of change sets, as the signed-in user; or export them for GitOps.</summary>
public static class ChangeSetsApi
{
    public static IEndpointRouteBuilder MapChangeSetsApi(this IEndpointRouteBuilder app)
    {
        var changes = app.MapGroup("/api/v1/changesets").WithTags("changesets").RequireAuthorization();
        changes.MapPost("/preview", PreviewAsync)
            .WithSummary("Dry-run a change set ({yaml} or {objects}, optional deletes) and keep the preview for 15 minutes");
        changes.MapPost("/apply", ApplyAsync)
            .WithSummary("Apply a preview ({previewId}) or a change set ({yaml}/{objects}); force takes fields from other managers; gitops returns YAML instead");
        return app;
    }

    private static async Task<IResult> PreviewAsync(HttpContext context, UserClusters clusters, IAuditStore audit, PreviewStore previews, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadObjectAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }
        var errors = new RequestErrors();
        JsonBody.OnlyKnown(body, errors, "yaml", "objects", "deletes");
        var parsed = errors.Any ? null : ChangeSetRequest.Read(body, errors);
        if (parsed is null)
        {
            return Problem.Validation(errors);
        }
        var service = Service(context, clusters, audit);
        var preview = await service.PreviewAsync(parsed.ChangeSet, null, cancellationToken);
        if (ChangeSetViews.Failure(preview.DryRun, parsed.Paths) is { } failure)
        {
            return failure;
        }
        var id = previews.Add(context.User.ToUserIdentity().Name, preview);
        return Results.Ok(new ChangeSetViews.PreviewView(id, ChangeSetViews.Objects(preview.DryRun)));
    }

    private static async Task<IResult> ApplyAsync(HttpContext context, UserClusters clusters, IAuditStore audit, PreviewStore previews, StatusCache statuses,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadObjectAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }
        var errors = new RequestErrors();
        JsonBody.OnlyKnown(body, errors, "previewId", "yaml", "objects", "deletes", "force", "gitops");
        var previewId = JsonBody.String(body, "previewId", errors);
        var force = JsonBody.Bool(body, "force", errors) ?? false;
        var gitops = JsonBody.Bool(body, "gitops", errors) ?? false;
        if (errors.Any)
        {
            return Problem.Validation(errors);
        }
        var service = Service(context, clusters, audit);
        ChangePreview? preview = null;
        ChangeSetRequest.Parsed? parsed = null;
        if (previewId is not null)
        {
            if (body.ContainsKey("yaml") || body.ContainsKey("objects") || body.ContainsKey("deletes"))
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
            parsed = ChangeSetRequest.Read(body, errors);
            if (parsed is null)
            {
                return Problem.Validation(errors);
            }
        }
        if (gitops)
        {
            return Results.Text(await service.ExportGitOpsAsync(parsed.ChangeSet, null, cancellationToken), "application/yaml");
        }
        var result = preview is not null
            ? await service.ApplyPreviewedAsync(preview, force, cancellationToken)
            : await service.ApplyAsync(parsed.ChangeSet, new ApplyOptions { Force = force }, cancellationToken);
        statuses.Invalidate();
        KubemateMetrics.RecordApply(result);
        return ChangeSetViews.Failure(result, parsed.Paths)
            ?? Results.Ok(new ChangeSetViews.ApplyView(result.Succeeded, ChangeSetViews.Objects(result)));
    }

    private static ChangeService Service(HttpContext context, UserClusters clusters, IAuditStore audit) =>
        new(clusters.For(context.User), audit, clusters.ContextFor(context.User, SourceAddress.Of(context)));
}
