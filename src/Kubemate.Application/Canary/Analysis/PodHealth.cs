namespace Kubemate.Application.Canary.Analysis;

public enum PodHealthKind
{
    Healthy,

    /// <summary>Some canary pod is not ready (or there is none): requests sent to the canary can fail.</summary>
    NotReady,

    /// <summary>A canary container restarts again and again.</summary>
    CrashLooping,
}

/// <summary>The canary pods' health, judged before any metric: anything but healthy rolls a release with canary traffic back at once.</summary>
public sealed record PodHealth(PodHealthKind Kind, string Message)
{
    public static readonly PodHealth Healthy = new(PodHealthKind.Healthy, "every canary pod is ready");

    public bool IsHealthy => Kind == PodHealthKind.Healthy;
}
