using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Kubemate.Host.Api;

/// <summary>
/// The query parameters of <c>GET /api/v1/audit</c> and its export. Times stay text here so that a bad one is
/// reported with the RFC 3339 example rather than the framework's parse failure.
/// </summary>
public sealed record AuditFilters
{
    [FromQuery(Name = "user")]
    [Description("records of this user (others' records need the right to list events in all namespaces)")]
    public string? User { get; init; }

    [FromQuery(Name = "namespace")]
    [Description("records touching this namespace")]
    public string? Namespace { get; init; }

    [FromQuery(Name = "kind")]
    [Description("records touching objects of this kind")]
    public string? Kind { get; init; }

    [FromQuery(Name = "name")]
    [Description("records touching objects of this name")]
    public string? Name { get; init; }

    [FromQuery(Name = "since")]
    [Description("RFC 3339 time, e.g. 2026-01-31T12:00:00Z")]
    public string? Since { get; init; }

    [FromQuery(Name = "until")]
    [Description("RFC 3339 time, e.g. 2026-01-31T12:00:00Z")]
    public string? Until { get; init; }

    [FromQuery(Name = "limit")]
    [Description("at most this many records (1-10000, default 100)")]
    public int? Limit { get; init; }
}
