using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Kubemate.Host.Api;

/// <summary>The body of <c>POST /api/v1/namespaces/{ns}/mesh/plan</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MeshPlanRequest
{
    [Description("true to mesh, false to unmesh")]
    public required bool Enable { get; init; }

    [Description("limit the switch to one workload: deployment/x, statefulset/x or daemonset/x; absent for the whole namespace")]
    public string? Workload { get; init; }
}

/// <summary>The body of <c>POST /api/v1/namespaces/{ns}/mesh</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MeshSwitchRequest
{
    [Description("true to mesh, false to unmesh")]
    public required bool Enable { get; init; }

    [Description("limit the switch to one workload: deployment/x, statefulset/x or daemonset/x; absent for the whole namespace")]
    public string? Workload { get; init; }

    [Description("how many workloads restart at the same time (default 8)")]
    [Range(1, 100)]
    public int? MaxConcurrency { get; init; }
}

/// <summary>The answer of a started mesh switch: the operation to follow.</summary>
public sealed record MeshSwitchStarted(string OperationId, string EventsUrl);
