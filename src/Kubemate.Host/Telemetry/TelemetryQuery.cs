using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Kubemate.Host.Telemetry;

/// <summary>The query parameters of the telemetry endpoints that span namespaces.</summary>
public sealed record TelemetryQuery
{
    [FromQuery(Name = "window")]
    [Description("1m, 5m, 15m or 1h (default 1m)")]
    public string? Window { get; init; }

    [FromQuery(Name = "namespace")]
    [Description("the namespaces to read (repeat the parameter); absent for every namespace the user may list pods in")]
    public string[]? Namespace { get; init; }
}
