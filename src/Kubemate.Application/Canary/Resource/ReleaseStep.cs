namespace Kubemate.Application.Canary.Resource;

/// <summary>One progressive step: the canary's percent of requests, the least time held, and whether a person approves entering it.</summary>
public sealed record ReleaseStep
{
    public required int Weight { get; init; }

    /// <summary>A duration such as <c>30s</c>; none means the step ends at its first passing check.</summary>
    public string? Pause { get; init; }

    public bool Approval { get; init; }
}
