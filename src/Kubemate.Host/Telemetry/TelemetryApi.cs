using Kubemate.Application.Identity;
using Kubemate.Application.Telemetry;
using Kubemate.Cluster.Identity;
using Kubemate.Host.Problems;
using Kubemate.Telemetry.Golden;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
        group.MapGet("/workloads", WorkloadsAsync).WithSummary("Inbound golden metrics per workload (linkerd viz stat)");
        group.MapGet("/workloads/{ns}/{kind}/{name}", WorkloadAsync).WithSummary("One workload: now-values, series, callers, callees, pods");
        group.MapGet("/edges", EdgesAsync).WithSummary("src -> dst edges with mTLS and golden metrics (linkerd viz edges)");
        group.MapGet("/topology", TopologyAsync).WithSummary("Nodes and edges of the chosen namespaces, or the whole cluster, in one answer");
        group.MapGet("/splits/{ns}/{service}", SplitAsync).WithSummary("The backends of a split service side by side (stable vs canary)");
        return app;
    }

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

    private static Task<IResult> WorkloadsAsync(TelemetryReads telemetry, HttpContext context, CancellationToken cancellationToken) =>
        AcrossNamespacesAsync(telemetry, context, telemetry.WorkloadsAsync, cancellationToken);

    private static async Task<IResult> WorkloadAsync(string ns, string kind, string name, TelemetryReads telemetry, HttpContext context,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var window = Window(context.Request, errors);
        KubernetesNames.CheckLabel(ns, "namespace", errors);
        KubernetesNames.CheckSubdomain(name, "name", errors);
        if (!LinkerdLabels.Kinds.Any(k => k.Kind == kind))
        {
            errors.Add("kind", $"\"{kind}\" is not one of {string.Join(", ", LinkerdLabels.Kinds.Select(k => k.Kind))}");
        }
        var series = context.Request.Query["series"].FirstOrDefault();
        if (series is not (null or "true" or "false"))
        {
            errors.Add("series", "must be true or false");
        }
        if (errors.Any)
        {
            return Problem.Validation(errors);
        }
        return await AnswerAsync(telemetry, window,
            () => telemetry.WorkloadAsync(context.User.ToUserIdentityOrNull(), new WorkloadRef(ns, kind, name), window, series == "true", cancellationToken));
    }

    private static Task<IResult> EdgesAsync(TelemetryReads telemetry, HttpContext context, CancellationToken cancellationToken) =>
        AcrossNamespacesAsync(telemetry, context, telemetry.EdgesAsync, cancellationToken);

    private static Task<IResult> TopologyAsync(TelemetryReads telemetry, HttpContext context, CancellationToken cancellationToken) =>
        AcrossNamespacesAsync(telemetry, context, telemetry.TopologyAsync, cancellationToken);

    /// <summary>The shape of every endpoint that takes <c>?namespace=</c> and <c>?window=</c>: validate, then ask the application layer.</summary>
    private static async Task<IResult> AcrossNamespacesAsync<T>(
        TelemetryReads telemetry,
        HttpContext context,
        Func<UserIdentity?, IReadOnlyList<string>?, TelemetryWindow, CancellationToken, Task<Kubemate.Telemetry.TelemetryResult<T>>> query,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var window = Window(context.Request, errors);
        var namespaces = Namespaces(context.Request, errors);
        if (errors.Any)
        {
            return Problem.Validation(errors);
        }
        return await AnswerAsync(telemetry, window, () => query(context.User.ToUserIdentityOrNull(), namespaces, window, cancellationToken));
    }

    private static async Task<IResult> SplitAsync(string ns, string service, TelemetryReads telemetry, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var window = Window(context.Request, errors);
        KubernetesNames.CheckLabel(ns, "namespace", errors);
        KubernetesNames.CheckLabel(service, "service", errors);
        var backends = context.Request.Query["backend"].Where(b => b is not null).Select(b => b!).ToList();
        for (var i = 0; i < backends.Count; i++)
        {
            KubernetesNames.CheckLabel(backends[i], $"backend[{i}]", errors);
        }
        if (errors.Any)
        {
            return Problem.Validation(errors);
        }
        return await AnswerAsync(telemetry, window, () => telemetry.SplitAsync(context.User.ToUserIdentityOrNull(), ns, service, backends, window, cancellationToken));
    }

    /// <summary>The answer, or a 403 naming the first requested namespace the user may not read.</summary>
    private static async Task<IResult> AnswerAsync<T>(TelemetryReads telemetry, TelemetryWindow window, Func<Task<Kubemate.Telemetry.TelemetryResult<T>>> read)
    {
        try
        {
            return TelemetryResults.From(await read(), telemetry.BackendDescription, window);
        }
        catch (TelemetryNamespaceForbiddenException forbidden)
        {
            return NamespaceForbidden(forbidden.Field, forbidden.Namespace);
        }
    }

    private static IResult NamespaceForbidden(string field, string ns)
    {
        var errors = new RequestErrors();
        errors.Add(field, $"you may not list pods in namespace \"{ns}\"");
        return Problem.Validation(errors, StatusCodes.Status403Forbidden, "Forbidden");
    }

    private static TelemetryWindow Window(HttpRequest request, RequestErrors errors)
    {
        var text = request.Query["window"].FirstOrDefault();
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

    private static List<string> Namespaces(HttpRequest request, RequestErrors errors)
    {
        var namespaces = request.Query["namespace"].Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).Distinct().ToList();
        for (var i = 0; i < namespaces.Count; i++)
        {
            KubernetesNames.CheckLabel(namespaces[i], $"namespace[{i}]", errors);
        }
        return namespaces;
    }
}
