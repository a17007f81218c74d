namespace Kubemate.Application.Canary.Analysis;

/// <summary>Judges the canary pods: crash-looping beats not ready, which beats healthy. Pure.</summary>
public static class PodHealthCheck
{
    private const string CrashLoopBackOff = "CrashLoopBackOff";

    public static PodHealth Judge(IReadOnlyCollection<CanaryPod> pods)
    {
        var crashing = pods.Where(p => p.WaitingReason == CrashLoopBackOff).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        if (crashing.Count > 0)
        {
            return new(PodHealthKind.CrashLooping, $"canary pods crash-looping: {string.Join(", ", crashing)}");
        }
        if (pods.Count == 0)
        {
            return new(PodHealthKind.NotReady, "the canary Service selects no pods");
        }
        var notReady = pods.Where(p => !p.Ready).Select(p => p.WaitingReason is null ? p.Name : $"{p.Name} ({p.WaitingReason})").Order(StringComparer.Ordinal).ToList();
        return notReady.Count > 0
            ? new(PodHealthKind.NotReady, $"canary pods not ready: {string.Join(", ", notReady)}")
            : PodHealth.Healthy;
    }
}
