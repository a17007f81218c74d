using System.Net;

namespace Kubemate.Remote;

/// <summary>One step of an onboarding run; workload events carry the workload's meshed and total pods.</summary>
public sealed record MeshEvent(
    long Sequence,
    DateTimeOffset Time,
    MeshEventType Type,
    string? Kind,
    string? Workload,
    int MeshedPods,
    int TotalPods,
    string? Message)
{
    /// <summary>On <see cref="MeshEventType.Failed"/>: the status the cluster refused with (403 when RBAC denied the user).</summary>
    public HttpStatusCode? StatusCode { get; init; }
}

public enum MeshEventType
{
    Started,
    InjectionApplied,
    Restarting,
    Progress,
    WorkloadDone,
    WorkloadFailed,
    WorkloadSkipped,
    Completed,
    Failed,
}
