using System.ComponentModel;
using System.Text.Json.Serialization;
using Kubemate.Application.Canary.Resource;

namespace Kubemate.Host.Api;

/// <summary>The body of <c>POST /api/v1/namespaces/{ns}/canaries/preview</c> and <c>…/canaries/export</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CanaryReleaseRequest
{
    [Description("the CanaryRelease's name (a DNS-1123 subdomain)")]
    public required string Name { get; init; }

    [Description("the release's spec, as the CanaryRelease resource spells it")]
    public required CanaryReleaseSpec Spec { get; init; }
}

/// <summary>The body of <c>POST /api/v1/namespaces/{ns}/canaries/apply</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CanaryApplyRequest
{
    [Description("the id a canary preview of this namespace answered; a preview applies once, within 15 minutes")]
    public required string PreviewId { get; init; }

    [Description("take fields other managers own (default false)")]
    public bool? Force { get; init; }
}

/// <summary>The body of <c>POST /api/v1/namespaces/{ns}/canaries/{name}/actions</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CanaryActionRequest
{
    [Description("pause, resume, approve, promote, rollback or restart-analysis")]
    public required string Action { get; init; }
}

/// <summary>The body of <c>PUT /api/v1/namespaces/{ns}/canaries/{name}/weight</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CanaryWeightRequest
{
    [Description("percent of requests the canary gets, 0-100 (manual mode)")]
    public required int Weight { get; init; }
}
