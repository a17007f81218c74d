using Kubemate.Application;
using Kubemate.Application.Canary.Releases;
using Kubemate.Application.Canary.Resource;
using Kubemate.Application.Canary.StateMachine;
using Kubemate.Application.Identity;
using Kubemate.Cluster.Apply;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;
using Kubemate.Host.Metrics;
using Kubemate.Host.Previews;
using Kubemate.Host.Problems;
using Kubemate.Model.Validation;
using Kubemate.Telemetry.Golden;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using System.ComponentModel;
using ValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace Kubemate.Host.Api;

/// <summary>
/// Canary releases over the application's <see cref="CanaryReleases"/>: list, read with both versions' metrics, propose
/// backends, preview/apply/export a release, and act on one. Every call goes to the cluster as the signed-in user, so
/// Kubernetes RBAC on <c>canaryreleases</c> decides; the changing calls are audited change sets and draw from the
/// per-user change budget like every other changing call. A refused action is a 409 with the reason, nothing written.
/// </summary>
public static class CanaryApi
{
    /// <summary>The request path that names the release object in failure problems (one object per change).</summary>
    private static readonly IReadOnlyList<string> ReleasePath = ["release"];

    public static IEndpointRouteBuilder MapCanaryApi(this IEndpointRouteBuilder app)
    {
        var all = app.MapGroup("/api/v1").WithTags("canaries").RequireAuthorization();
        all.MapGet("/canaries", ListAsync)
            .WithName("ListCanaries")
            .WithSummary("The canary releases the user may list, in one namespace (?namespace=) or all")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        var releases = app.MapGroup("/api/v1/namespaces/{ns}").WithTags("canaries").RequireAuthorization();
        releases.MapGet("/canaries/{name}", GetAsync)
            .WithName("GetCanary")
            .WithSummary("One release: spec, status with the analysis history, and both versions' golden metrics over ?window= (1m, 5m, 15m, 1h)")
            .ProducesRefusals();
        releases.MapGet("/services/{service}/canary-proposal", ProposeAsync)
            .WithName("ProposeCanary")
            .WithSummary("The stable and canary backends Kubemate proposes for a Service, with every candidate")
            .ProducesRefusals();
        releases.MapPost("/canaries/preview", PreviewAsync)
            .WithName("PreviewCanary")
            .WithSummary("Dry-run a release ({name, spec}) with its diff and the traffic objects the controller will write; kept 15 minutes to apply")
            .ProducesRefusals();
        releases.MapPost("/canaries/apply", ApplyAsync)
            .WithName("ApplyCanary")
            .WithSummary("Apply a previewed release ({previewId, force?}), exactly as previewed")
            .ProducesRefusals();
        releases.MapPost("/canaries/export", ExportAsync)
            .WithName("ExportCanary")
            .WithSummary("The release ({name, spec}) as YAML for a GitOps repository; nothing is applied")
            .Produces<string>(StatusCodes.Status200OK, "application/yaml")
            .ProducesRefusals();
        releases.MapPost("/canaries/{name}/actions", ActAsync)
            .WithName("ActOnCanary")
            .WithSummary("Ask for an action ({action}: pause, resume, approve, promote, rollback, restart-analysis); 409 with the reason when it does not apply")
            .ProducesRefusals();
        releases.MapPut("/canaries/{name}/weight", SetWeightAsync)
            .WithName("SetCanaryWeight")
            .WithSummary("Set the canary's weight ({weight}: 0-100) of a manual release")
            .ProducesRefusals();
        return app;
    }

    /// <summary>The problems these endpoints answer besides 400: 403 (RBAC), 404 naming the field, 409 (refused action or conflict), 422.</summary>
    private static RouteHandlerBuilder ProducesRefusals(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesValidationProblem(StatusCodes.Status404NotFound)
        .Produces<ChangeSetViews.FailureProblem>(StatusCodes.Status403Forbidden, "application/problem+json")
        .Produces<ChangeSetViews.FailureProblem>(StatusCodes.Status409Conflict, "application/problem+json")
        .Produces<ChangeSetViews.FailureProblem>(StatusCodes.Status422UnprocessableEntity, "application/problem+json");

    private static async Task<Results<Ok<IReadOnlyList<CanarySummaryView>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        [Description("only this namespace (absent: every namespace the user may list)")] string? @namespace,
        HttpContext context, CanaryReleases canaries, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (@namespace is not null)
        {
            KubernetesNames.CheckLabel(@namespace, "namespace", errors);
        }
        if (errors.Any)
        {
            return Problem.Validation(errors);
        }
        try
        {
            var releases = await canaries.ListAsync(context.User.ToUserIdentity(), @namespace, cancellationToken);
            return TypedResults.Ok<IReadOnlyList<CanarySummaryView>>(releases.Select(CanarySummaryView.Of).ToList());
        }
        catch (Exception error) when (Refusal(error, "namespace") is { } problem)
        {
            return problem;
        }
    }

    private static async Task<Results<Ok<CanaryDetailView>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string ns, string name, [Description("1m, 5m, 15m or 1h (default 1m)")] string? window,
        HttpContext context, CanaryReleases canaries, CancellationToken cancellationToken)
    {
        var errors = Names(ns, name);
        var parsedWindow = TelemetryWindow.OneMinute;
        if (window is not null && !TelemetryWindow.TryParse(window, out parsedWindow))
        {
            errors.Add("window", $"\"{window}\" is not one of {string.Join(", ", TelemetryWindow.AllowedNames)}");
        }
        if (errors.Any)
        {
            return Problem.Validation(errors);
        }
        try
        {
            var detail = await canaries.GetAsync(context.User.ToUserIdentity(), ns, name, parsedWindow, cancellationToken);
            return detail is null
                ? Problem.Field("name", $"no canary release {name} in namespace {ns}", StatusCodes.Status404NotFound)
                : TypedResults.Ok(CanaryDetailView.Of(detail, parsedWindow));
        }
        catch (Exception error) when (Refusal(error, "name") is { } problem)
        {
            return problem;
        }
    }

    private static async Task<Results<Ok<BackendProposal>, ValidationProblem, ProblemHttpResult>> ProposeAsync(
        string ns, string service, HttpContext context, CanaryReleases canaries, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        KubernetesNames.CheckLabel(ns, "namespace", errors);
        KubernetesNames.CheckLabel(service, "service", errors);
        if (errors.Any)
        {
            return Problem.Validation(errors);
        }
        try
        {
            return TypedResults.Ok(await canaries.ProposeAsync(context.User.ToUserIdentity(), ns, service, cancellationToken));
        }
        catch (Exception error) when (Refusal(error, "service") is { } problem)
        {
            return problem;
        }
    }

    private static async Task<Results<Ok<CanaryPreviewView>, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        string ns, CanaryReleaseRequest body, HttpContext context, UserClusters clusters, CanaryReleases canaries, PreviewStore previews,
        CancellationToken cancellationToken)
    {
        try
        {
            var preview = await canaries.PreviewAsync(Context(context, clusters), new ReleaseRequest(ns, body.Name, body.Spec), cancellationToken);
            if (ChangeSetViews.Failure(preview.Change.DryRun, ReleasePath) is { } failure)
            {
                return failure;
            }
            var id = previews.Add(context.User.ToUserIdentity().Name, preview.Change);
            return TypedResults.Ok(new CanaryPreviewView(id, ChangeSetViews.Objects(preview.Change.DryRun), preview.Traffic));
        }
        catch (Exception error) when (Refusal(error, "name") is { } problem)
        {
            return problem;
        }
    }

    private static async Task<Results<Ok<ChangeSetViews.ApplyView>, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        string ns, CanaryApplyRequest body, HttpContext context, UserClusters clusters, CanaryReleases canaries, PreviewStore previews,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        KubernetesNames.CheckLabel(ns, "namespace", errors);
        if (errors.Any)
        {
            return Problem.Validation(errors);
        }
        var preview = previews.Take(context.User.ToUserIdentity().Name, body.PreviewId);
        if (preview is null || !IsReleaseIn(preview.ChangeSet, ns))
        {
            return Problem.Field("previewId", $"no canary release preview of namespace {ns} with this id (previews last 15 minutes and apply once); preview again",
                StatusCodes.Status404NotFound);
        }
        try
        {
            var result = await canaries.ApplyAsync(Context(context, clusters), preview, body.Force ?? false, cancellationToken);
            KubemateMetrics.RecordApply(result);
            return ChangeSetViews.Failure(result, ReleasePath) is { } failure
                ? failure
                : TypedResults.Ok(new ChangeSetViews.ApplyView(result.Succeeded, ChangeSetViews.Objects(result)));
        }
        catch (Exception error) when (Refusal(error, "previewId") is { } problem)
        {
            return problem;
        }
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        string ns, CanaryReleaseRequest body, HttpContext context, UserClusters clusters, CanaryReleases canaries, CancellationToken cancellationToken)
    {
        try
        {
            var yaml = await canaries.ExportAsync(Context(context, clusters), new ReleaseRequest(ns, body.Name, body.Spec), null, cancellationToken);
            return TypedResults.Text(yaml, "application/yaml");
        }
        catch (Exception error) when (Refusal(error, "name") is { } problem)
        {
            return problem;
        }
    }

    private static async Task<Results<Ok<CanaryActionView>, ValidationProblem, ProblemHttpResult>> ActAsync(
        string ns, string name, CanaryActionRequest body, HttpContext context, UserClusters clusters, CanaryReleases canaries,
        CancellationToken cancellationToken)
    {
        var errors = Names(ns, name);
        if (errors.Any)
        {
            return Problem.Validation(errors);
        }
        try
        {
            return Answer(await canaries.ActAsync(Context(context, clusters), ns, name, body.Action, cancellationToken));
        }
        catch (Exception error) when (Refusal(error, "name") is { } problem)
        {
            return problem;
        }
    }

    private static async Task<Results<Ok<CanaryActionView>, ValidationProblem, ProblemHttpResult>> SetWeightAsync(
        string ns, string name, CanaryWeightRequest body, HttpContext context, UserClusters clusters, CanaryReleases canaries,
        CancellationToken cancellationToken)
    {
        var errors = Names(ns, name);
        if (errors.Any)
        {
            return Problem.Validation(errors);
        }
        try
        {
            return Answer(await canaries.SetWeightAsync(Context(context, clusters), ns, name, body.Weight, cancellationToken));
        }
        catch (Exception error) when (Refusal(error, "name") is { } problem)
        {
            return problem;
        }
    }

    /// <summary>The action's answer, or the problem of the person's write that failed (403 when RBAC refused it).</summary>
    private static Results<Ok<CanaryActionView>, ValidationProblem, ProblemHttpResult> Answer(ActionOutcome outcome)
    {
        KubemateMetrics.RecordApply(outcome.Change);
        return outcome.State == ActionState.Failed && ChangeSetViews.Failure(outcome.Change, ReleasePath) is { } failure
            ? failure
            : TypedResults.Ok(CanaryActionView.Of(outcome));
    }

    /// <summary>
    /// What the application service refuses, as problems: invalid input 400 naming each field, a missing release or
    /// Service 404 naming <paramref name="missingField"/>, a refused action 409 with the reason, Kubernetes' refusals
    /// with their status. Null for anything else (a 500 from the exception handler).
    /// </summary>
    private static ProblemHttpResult? Refusal(Exception error, string missingField)
    {
        switch (error)
        {
            case ModelValidationException invalid:
                var errors = new RequestErrors();
                foreach (var p in invalid.Problems)
                {
                    errors.Add(p.Path, p.Reason);
                }
                return Problem.Validation(errors, StatusCodes.Status400BadRequest, "The request is invalid");
            case ReleaseNotFoundException missing:
                return Problem.Field(missingField, missing.Message, StatusCodes.Status404NotFound);
            case ReleaseActionRefusedException refused:
                return Problem.Of(StatusCodes.Status409Conflict, "The action does not apply to the release as it is", refused.Message,
                    new Dictionary<string, object?> { ["action"] = refused.Verb, ["reason"] = refused.Reason });
            case ClusterApiException cluster:
                return Problem.FromCluster(cluster);
            default:
                return null;
        }
    }

    private static bool IsReleaseIn(ChangeSet changes, string ns) =>
        changes.Changes.Count == 1
        && ObjectRef.Of(changes.Changes[0].Object) is { Kind: CanaryReleaseCrd.Kind, ApiVersion: CanaryReleaseCrd.ApiVersion } release
        && release.Namespace == ns;

    private static RequestErrors Names(string ns, string name)
    {
        var errors = new RequestErrors();
        KubernetesNames.CheckLabel(ns, "namespace", errors);
        KubernetesNames.CheckSubdomain(name, "name", errors);
        return errors;
    }

    private static OperationContext Context(HttpContext context, UserClusters clusters) => clusters.ContextFor(context.User, SourceAddress.Of(context));
}
