using System.Net;
using System.Text.Json.Serialization;

namespace Kubemate.Application.Onboarding;

[JsonConverter(typeof(JsonStringEnumConverter<OnboardingEventType>))]
public enum OnboardingEventType
{
    /// <summary>First event: the plan is made; <see cref="OnboardingEvent.TotalPods"/> counts the workloads to restart.</summary>
    Started,
    /// <summary>The injection setting was applied to the namespace or workload.</summary>
    InjectionApplied,
    Restarting,
    /// <summary>A workload's meshed/total pods changed.</summary>
    Progress,
    WorkloadDone,
    WorkloadFailed,
    WorkloadSkipped,
    /// <summary>Last event when the operation ran to its end (some workloads may have failed; see the message).</summary>
    Completed,
    /// <summary>Last event when the operation could not run: denied, invalid, or the injection change failed.</summary>
    Failed,
}

/// <summary>
/// One step of an onboarding. <see cref="Sequence"/> increases strictly from 1; the last event is
/// <see cref="OnboardingEventType.Completed"/> or <see cref="OnboardingEventType.Failed"/>.
/// </summary>
public sealed record OnboardingEvent(long Sequence, DateTimeOffset Time, OnboardingEventType Type, string? Kind, string? Workload, int MeshedPods, int TotalPods, string? Message)
{
    /// <summary>On <see cref="OnboardingEventType.Failed"/>: the HTTP status the cluster refused with (403 when RBAC denied the user).</summary>
    [JsonConverter(typeof(JsonNumberEnumConverter<HttpStatusCode>))]
    public HttpStatusCode? StatusCode { get; init; }
}
