using Kubemate.Model.Collections;
using Kubemate.Model.Traffic;

namespace Kubemate.Application.Canary.Resource;

/// <summary>A/B mode: requests with any of these headers or cookies go to the canary for <see cref="Duration"/>.</summary>
public sealed record AbMatch
{
    public ValueList<HeaderMatch> Headers { get; init; } = [];

    public ValueList<CookieMatch> Cookies { get; init; } = [];

    public required string Duration { get; init; }
}

/// <summary>A cookie that must have exactly this value.</summary>
public sealed record CookieMatch(string Name, string Value);
