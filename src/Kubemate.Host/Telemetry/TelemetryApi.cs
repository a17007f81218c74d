using System.ComponentModel;
using Kubemate.Application.Identity;
using Kubemate.Application.Telemetry;
using Kubemate.Cluster.Identity;
using Kubemate.Host.Problems;
using Kubemate.Telemetry.Golden;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Kubemate.Telemetry.Topology;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kubemate.Host.Telemetry;

/// <summary>
/// Golden metrics, edges, topology and split comparisons over the configured backend. Windows: 1m, 5m, 15m, 1h
/// (default 1m). An unavailable backend answers 503 <c>application/problem+json</c> of type
/// <see cref="TelemetryResults.UnavailableType"/> with a <c>reason</c>; never a 500. Every answer is restricted to the
/// namespaces the signed-in user may list pods in (<see cref="TelemetryReads"/>, the same reads the console makes);
/// naming another namespace is a 403.
/// </summary>
public static class TelemetryApi
{
    public static IEndpointRouteBuilder MapTelemetryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/telemetry").WithTags("telemetry");
        RequireAuthorizationWhenRegistered(group, app.ServiceProvider);
        group.MapGet("/workloads", WorkloadsAsync).WithName("TelemetryWorkloads")
            .WithSummary("Inbound golden metrics per workload (linkerd viz stat)")
            .ProducesTelemetry<IReadOnlyList<WorkloadStat>>();
        group.MapGet("/workloads/{ns}/{kind}/{name}", WorkloadAsync).WithName("TelemetryWorkload")
            .WithSummary("One workload: now-values, series, callers, callees, pods")
            .ProducesTelemetry<WorkloadDetail>();
        group.MapGet("/edges", EdgesAsync).WithName("TelemetryEdges")
            .WithSummary("src -> dst edges with mTLS and golden metrics (linkerd viz edges)")
            .ProducesTelemetry<IReadOnlyList<EdgeStat>>();
        group.MapGet("/topology", TopologyAsync).WithName("TelemetryTopology")
            .WithSummary("Nodes and edges of the chosen namespaces, or the whole cluster, in one answer")
            .ProducesTelemetry<TopologyGraph>();
        group.MapGet("/splits/{ns}/{service}", SplitAsync).WithName("TelemetrySplit")
            .WithSummary("The backends of a split service side by side (stable vs canary)")
            .ProducesTelemetry<SplitStat>();
        return app;
    }

    /// <summary>
    /// The answers of a telemetry endpoint: 200 <see cref="TelemetryAnswer{T}"/>, 400 and 403 naming the field, 503 when
    /// the backend is unavailable. They are declared here because the answers are written with the telemetry JSON options.
    /// </summary>
    private static RouteHandlerBuilder ProducesTelemetry<T>(this RouteHandlerBuilder endpoint) => endpoint
        .Produces<TelemetryAnswer<T>>()
        .ProducesValidationProblem(StatusCodes.Status403Forbidden)
        .Produces<TelemetryUnavailableProblem>(StatusCodes.Status503ServiceUnavailable, "application/problem+json");

    /// <summary>
    /// The extension point for access control: the endpoints require an authenticated user whenever the host has
    /// registered authorization (as <c>kubemate serve</c> does); a bare host (tests, embedding) leaves them open.
    /// </summary>
    public static void RequireAuthorizationWhenRegistered(RouteGroupBuilder group, IServiceProvider services)
    {
        if (services.GetService<IAuthorizationService>() is not null)
        {
            group.RequireAuthorization();
        }
    }

    private static Task<Results<JsonHttpResult<TelemetryAnswer<IReadOnlyList<WorkloadStat>>>, JsonHttpResult<TelemetryUnavailableProblem>, ValidationProblem, ProblemHttpResult>> WorkloadsAsync([AsParameters] TelemetryQuery query, TelemetryReads telemetry,
        HttpContext context, CancellationToken cancellationToken) =>
        AcrossNamespacesAsync(query, telemetry, context, telemetry.WorkloadsAsync, cancellationToken);

    private static async Task<Results<JsonHttpResult<TelemetryAnswer<WorkloadDetail>>, JsonHttpResult<TelemetryUnavailableProblem>, ValidationProblem, ProblemHttpResult>> WorkloadAsync(string ns, string kind, string name,
        [Description("1m, 5m, 15m or 1h (default 1m)")] string? window, [Description("true to include time series (default false)")] string? series,
        TelemetryReads telemetry, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var parsedWindow = Window(window, errors);
        KubernetesNames.CheckLabel(ns, "namespace", errors);
        KubernetesNames.CheckSubdomain(name, "name", errors);
        // Text rather than bool?: a bare host without the API's exception handler would answer a parse failure with an empty 400.
        if (series is not (null or "true" or "false"))
        {
            errors.Add("series", "must be true or false");
        }
        if (!WorkloadKinds.IsKnown(kind))
        {
            errors.Add("kind", $"\"{kind}\" is not one of {string.Join(", ", WorkloadKinds.All)}");
        }
        if (errors.Any)
        {
            return Problem.Validation(errors);
        }
        return await AnswerAsync(telemetry, parsedWindow,
            () => telemetry.WorkloadAsync(context.User.ToUserIdentityOrNull(), new WorkloadRef(ns, kind, name), parsedWindow, series == "true", cancellationToken));
    }

    private static Task<Results<JsonHttpResult<TelemetryAnswer<IReadOnlyList<EdgeStat>>>, JsonHttpResult<TelemetryUnavailableProblem>, ValidationProblem, ProblemHttpResult>> EdgesAsync([AsParameters] TelemetryQuery query, TelemetryReads telemetry,
        HttpContext context, CancellationToken cancellationToken) =>
        AcrossNamespacesAsync(query, telemetry, context, telemetry.EdgesAsync, cancellationToken);

    private static Task<Results<JsonHttpResult<TelemetryAnswer<TopologyGraph>>, JsonHttpResult<TelemetryUnavailableProblem>, ValidationProblem, ProblemHttpResult>> TopologyAsync([AsParameters] TelemetryQuery query, TelemetryReads telemetry,
        HttpContext context, CancellationToken cancellationToken) =>
        AcrossNamespacesAsync(query, telemetry, context, telemetry.TopologyAsync, cancellationToken);

    /// <summary>The shape of every endpoint that takes <c>?namespace=</c> and <c>?window=</c>: validate, then ask the application layer.</summary>
    private static async Task<Results<JsonHttpResult<TelemetryAnswer<T>>, JsonHttpResult<TelemetryUnavailableProblem>, ValidationProblem, ProblemHttpResult>> AcrossNamespacesAsync<T>(
        TelemetryQuery parameters,
        TelemetryReads telemetry,
        HttpContext context,
        Func<UserIdentity?, IReadOnlyList<string>?, TelemetryWindow, CancellationToken, Task<Kubemate.Telemetry.TelemetryResult<T>>> query,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var window = Window(parameters.Window, errors);
        var namespaces = Namespaces(parameters.Namespace, errors);
        if (errors.Any)
        {
            return Problem.Validation(errors);
        }
        return await AnswerAsync(telemetry, window, () => query(context.User.ToUserIdentityOrNull(), namespaces, window, cancellationToken));
    }

    private static async Task<Results<JsonHttpResult<TelemetryAnswer<SplitStat>>, JsonHttpResult<TelemetryUnavailableProblem>, ValidationProblem, ProblemHttpResult>> SplitAsync(string ns, string service,
        [Description("1m, 5m, 15m or 1h (default 1m)")] string? window, [Description("the backends to compare (services); repeat the parameter")] string[]? backend,
        TelemetryReads telemetry, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var parsedWindow = Window(window, errors);
        KubernetesNames.CheckLabel(ns, "namespace", errors);
        KubernetesNames.CheckLabel(service, "service", errors);
        var backends = (backend ?? []).Where(b => b is not null).ToList();
        for (var i = 0; i < backends.Count; i++)
        {
            KubernetesNames.CheckLabel(backends[i], $"backend[{i}]", errors);
        }
        if (errors.Any)
        {
            return Problem.Validation(errors);
        }
        return await AnswerAsync(telemetry, parsedWindow,
            () => telemetry.SplitAsync(context.User.ToUserIdentityOrNull(), ns, service, backends, parsedWindow, cancellationToken));
    }

    /// <summary>The answer, or a 403 naming the first requested namespace the user may not read.</summary>
    private static async Task<Results<JsonHttpResult<TelemetryAnswer<T>>, JsonHttpResult<TelemetryUnavailableProblem>, ValidationProblem, ProblemHttpResult>> AnswerAsync<T>(
        TelemetryReads telemetry, TelemetryWindow window, Func<Task<Kubemate.Telemetry.TelemetryResult<T>>> read)
    {
        try
        {
            return Answer(TelemetryResults.From(await read(), telemetry.BackendDescription, window));
        }
        catch (TelemetryNamespaceForbiddenException forbidden)
        {
            return NamespaceForbidden(forbidden.Field, forbidden.Namespace);
        }
    }

    private static ProblemHttpResult NamespaceForbidden(string field, string ns)
    {
        var errors = new RequestErrors();
        errors.Add(field, $"you may not list pods in namespace \"{ns}\"");
        return Problem.Validation(errors, StatusCodes.Status403Forbidden, "Forbidden");
    }

    private static TelemetryWindow Window(string? text, RequestErrors errors)
    {
        if (text is null)
        {
            return TelemetryWindow.OneMinute;
        }
        if (TelemetryWindow.TryParse(text, out var window))
        {
            return window;
        }
        errors.Add("window", $"\"{text}\" is not one of {string.Join(", ", TelemetryWindow.AllowedNames)}");
        return TelemetryWindow.OneMinute;
    }

    private static Results<JsonHttpResult<TelemetryAnswer<T>>, JsonHttpResult<TelemetryUnavailableProblem>, ValidationProblem, ProblemHttpResult> Answer<T>(Results<JsonHttpResult<TelemetryAnswer<T>>, JsonHttpResult<TelemetryUnavailableProblem>> answer) =>
        answer.Result switch
        {
            JsonHttpResult<TelemetryAnswer<T>> ok => ok,
            JsonHttpResult<TelemetryUnavailableProblem> unavailable => unavailable,
            _ => throw new InvalidOperationException("a telemetry answer is either data or unavailable"),
        };

    private static List<string> Namespaces(string[]? requested, RequestErrors errors)
    {
        var namespaces = (requested ?? []).Where(n => !string.IsNullOrEmpty(n)).Distinct().ToList();
        for (var i = 0; i < namespaces.Count; i++)
        {
            KubernetesNames.CheckLabel(namespaces[i], $"namespace[{i}]", errors);
        }
        return namespaces;
    }
}
