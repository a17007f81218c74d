using System.Text.Json.Serialization;

namespace Kubemate.Application.Canary.Resource;

public enum WebhookType
{
    [JsonStringEnumMemberName("preRollout")]
    PreRollout,

    [JsonStringEnumMemberName("stepGate")]
    StepGate,

    [JsonStringEnumMemberName("postRollout")]
    PostRollout,

    [JsonStringEnumMemberName("notification")]
    Notification,
}

/// <summary>An HTTP POST with a JSON body that Kubemate sends at a point of the release.</summary>
public sealed record CanaryWebhook
{
    public required string Name { get; init; }

    public required WebhookType Type { get; init; }

    public required string Url { get; init; }

    public string? Timeout { get; init; }
}
