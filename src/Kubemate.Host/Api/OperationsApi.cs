using System.Globalization;
using System.Text.Json;
using Kubemate.Application.Identity;
using Kubemate.Host.Identity;
using Kubemate.Host.Problems;
using Kubemate.Application.Runs;
using Kubemate.Application.Onboarding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Kubemate.Host.Api;

/// <summary>Background operations: their state and events, and the events as a server-sent event stream.</summary>
public static class OperationsApi
{
    public sealed record OperationView(string Id, string Namespace, OperationState State, IReadOnlyList<OnboardingEvent> Events);

    public static IEndpointRouteBuilder MapOperationsApi(this IEndpointRouteBuilder app)
    {
        var operations = app.MapGroup("/api/v1/operations").WithTags("operations").RequireAuthorization();
        operations.MapGet("/{id}", Get).WithName("GetOperation")
            .WithSummary("An operation's state and every event so far")
            .ProducesValidationProblem(StatusCodes.Status404NotFound);
        operations.MapGet("/{id}/events", StreamAsync).WithName("StreamOperationEvents")
            .WithSummary("The events as text/event-stream from the start (or after Last-Event-ID), ending after Completed or Failed")
            .WithDescription("Each event is `id: <sequence>`, `event: <type>`, `data: <OnboardingEvent as JSON>`.")
            .Produces<Stream>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static Results<Ok<OperationView>, ProblemHttpResult> Get(string id, HttpContext context, OperationRegistry registry) =>
        Find(id, context, registry) is { } run
            ? TypedResults.Ok(new OperationView(run.Id, run.Namespace, run.State, run.Snapshot()))
            : Problem.Field("id", $"operation \"{id}\" not found", StatusCodes.Status404NotFound);

    private static async Task StreamAsync(string id, [FromHeader(Name = "Last-Event-ID")] string? lastEventId, HttpContext context, OperationRegistry registry,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        var run = Find(id, context, registry);
        if (run is null)
        {
            await Problem.Field("id", $"operation \"{id}\" not found", StatusCodes.Status404NotFound).ExecuteAsync(context);
            return;
        }
        long after = 0;
        lastEventId ??= "";
        if (lastEventId.Length > 0 && !long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            await Problem.Field("Last-Event-ID", "must be the sequence number of an event").ExecuteAsync(context);
            return;
        }
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var cancellationToken = context.RequestAborted;
        var index = 0;
        try
        {
            while (true)
            {
                var (events, finished, changed) = run.Read(index);
                index += events.Count;
                foreach (var e in events.Where(e => e.Sequence > after))
                {
                    await response.WriteAsync(
                        $"id: {e.Sequence}\nevent: {e.Type}\ndata: {JsonSerializer.Serialize(e, json.Value.SerializerOptions)}\n\n", cancellationToken);
                }
                await response.Body.FlushAsync(cancellationToken);
                if (finished && events.Count == 0)
                {
                    return;
                }
                if (!finished)
                {
                    await changed.WaitAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    /// <summary>Only the user who started an operation sees it; to anyone else it does not exist.</summary>
    private static OperationRun? Find(string id, HttpContext context, OperationRegistry registry) =>
        registry.Find(id) is { } run && run.Owner == context.User.ToUserIdentity().Name ? run : null;
}
