using System.Globalization;
using System.Security.Claims;
using System.Text;
using Kubemate.Audit;
using Kubemate.Application.Access;
using Kubemate.Application.Identity;
using Kubemate.Host.Identity;
using Kubemate.Host.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Kubemate.Host.Api;

/// <summary>The audit trail: query, export as JSON lines, verify the hash chain (see <see cref="AuditReaders"/> for who sees what).</summary>
public static class AuditApi
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 10_000;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1/audit").WithTags("audit").RequireAuthorization();
        audit.MapGet("", QueryAsync).WithName("QueryAudit")
            .WithSummary("Audit records, newest first; filters: user, namespace, kind, name, since, until, limit")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        audit.MapGet("/export", ExportAsync).WithName("ExportAudit")
            .WithSummary("The matching records as JSON lines (application/x-ndjson), oldest first")
            .Produces<Stream>(StatusCodes.Status200OK, "application/x-ndjson")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        audit.MapPost("/verify", VerifyAsync).WithName("VerifyAudit")
            .WithSummary("Check every record's signature and link against the audit key and the anchors kept outside the store; report the first break")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditRecord>>, ValidationProblem, ProblemHttpResult>> QueryAsync(
        [AsParameters] AuditFilters filters, HttpContext context, IAuditStore store, AuditReaders readers, CancellationToken cancellationToken)
    {
        var (query, invalid, forbidden) = await ReadQueryAsync(filters, context, readers, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }
        if (query is null)
        {
            return forbidden!;
        }
        return TypedResults.Ok(await store.QueryAsync(query with { Descending = true, Limit = query.Limit ?? DefaultLimit }, cancellationToken));
    }

    private static async Task ExportAsync([AsParameters] AuditFilters filters, HttpContext context, IAuditStore store, AuditReaders readers,
        CancellationToken cancellationToken)
    {
        var (query, invalid, forbidden) = await ReadQueryAsync(filters, context, readers, cancellationToken);
        if (query is null)
        {
            await (invalid is not null ? (IResult)invalid : forbidden!).ExecuteAsync(context);
            return;
        }
        context.Response.ContentType = "application/x-ndjson";
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false), leaveOpen: true);
        await store.ExportJsonLinesAsync(writer, query, cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    private static async Task<Results<Ok<AuditVerificationReport>, ProblemHttpResult>> VerifyAsync(ClaimsPrincipal user, IAuditStore store, AuditReaders readers, CancellationToken cancellationToken)
    {
        if (!await readers.ReadsEverythingAsync(user, cancellationToken))
        {
            return Problem.Of(StatusCodes.Status403Forbidden, "Forbidden", "verifying the audit trail needs the right to list events in all namespaces");
        }
        return TypedResults.Ok(await store.VerifyAsync(cancellationToken));
    }

    /// <summary>The query, or why not: invalid filters (400) or another user's records without the right to read them (403).</summary>
    private static async Task<(AuditQuery? Query, ValidationProblem? Invalid, ProblemHttpResult? Forbidden)> ReadQueryAsync(
        AuditFilters filters, HttpContext context, AuditReaders readers, CancellationToken cancellationToken)
    {
        var q = context.Request.Query;
        var errors = new RequestErrors();
        foreach (var key in q.Keys.Where(k => k is not ("user" or "namespace" or "kind" or "name" or "since" or "until" or "limit")))
        {
            errors.Add(key, "unknown query parameter; expected user, namespace, kind, name, since, until, limit");
        }
        var ns = Text(q, "namespace");
        if (ns is not null)
        {
            KubernetesNames.CheckLabel(ns, "namespace", errors);
        }
        var name = Text(q, "name");
        if (name is not null)
        {
            KubernetesNames.CheckSubdomain(name, "name", errors);
        }
        var since = Time(q, "since", errors);
        var until = Time(q, "until", errors);
        var limit = filters.Limit;
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"must be an integer from 1 to {MaxLimit}");
        }
        if (errors.Any)
        {
            return (null, Problem.Validation(errors), null);
        }
        var self = context.User.ToUserIdentity().Name;
        var user = Text(q, "user");
        if (user != self && !await readers.ReadsEverythingAsync(context.User, cancellationToken))
        {
            if (user is not null)
            {
                return (null, null, Problem.Of(StatusCodes.Status403Forbidden, "Forbidden",
                    "you may read only your own audit records; reading others' needs the right to list events in all namespaces"));
            }
            user = self;
        }
        var kind = Text(q, "kind");
        return (new AuditQuery
        {
            User = user,
            Namespace = ns,
            Object = kind is null && name is null ? null : new AuditObjectSelector(kind, name),
            From = since,
            To = until,
            Limit = limit,
        }, null, null);
    }

    private static string? Text(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var values) && !string.IsNullOrEmpty(values.ToString()) ? values.ToString() : null;

    private static DateTimeOffset? Time(IQueryCollection query, string key, RequestErrors errors)
    {
        var raw = Text(query, key);
        if (raw is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }
        errors.Add(key, "must be an RFC 3339 time such as 2026-01-31T12:00:00Z");
        return null;
    }
}
